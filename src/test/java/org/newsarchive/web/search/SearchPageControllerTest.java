package org.newsarchive.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.newsarchive.web.PageSliceConfiguration;
import org.newsarchive.web.RealArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The results page's request handling and rendering, over a real index of the seed documents. */
@WebMvcTest(SearchPageController.class)
@Import({SearchPage.class, PageSliceConfiguration.class, RealArchive.class})
class SearchPageControllerTest {

    @Autowired
    MockMvc mvc;

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
    }

    @Test
    void theWholeSearchStaysInThePage() throws Exception {
        String page = page(get("/search")
                .param("q", "相互宝")
                .param("publisher", "大纪元", "看中国")
                .param("tag", "互助")
                .param("from", "2021-01-01")
                .param("to", "2021-12-31")
                .param("sort", "oldest")
                .param("page", "3"));

        assertThat(page)
                .contains("name=\"q\" value=\"相互宝\"")
                .contains("name=\"sort\" value=\"oldest\"")
                .contains("name=\"from\" value=\"2021-01-01\"", "name=\"to\" value=\"2021-12-31\"")
                .contains("移除筛选：大纪元", "移除筛选：看中国", "移除筛选：互助");
    }

    @Test
    void listsNewestFirstWithoutAQuery() throws Exception {
        String page = page(get("/search"));

        assertThat(page).contains("共 5 篇");
        assertThat(page.indexOf("网络互助平台")).isPositive().isLessThan(page.indexOf("又一互助平台宣布关停"));
        assertThat(page.indexOf("又一互助平台宣布关停")).isLessThan(page.indexOf("水滴互助关停"));
        assertThat(page.indexOf("水滴互助关停")).isLessThan(page.indexOf("绝人生路的叫停"));
    }

    @Test
    void unusableParametersAreABadRequestPageNamingTheParameter() throws Exception {
        for (String[] parameter : new String[][] {
            {"page", "0"},
            {"page", "two"},
            {"from", "2021-02-30"},
            {"to", "yesterday"},
            {"sort", "sideways"},
            {"q", "字".repeat(501)}
        }) {
            mvc.perform(get("/search").param(parameter[0], parameter[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(parameter[0] + ":")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("请求有误")));
        }
        mvc.perform(get("/search").param("from", "2021-05-01").param("to", "2021-04-01"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBadRequestPageKeepsTheQueryExplainsInTheReadersLanguageAndOffersTheLanguages() throws Exception {
        String tooLong = "互助".repeat(251);
        String page = mvc.perform(get("/search").param("q", tooLong).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("value=\"" + tooLong + "\"")
                .contains("A search may be at most 500 characters long")
                .contains("hreflang=\"zh-Hant\"")
                .contains("<html lang=\"en\"");
        assertThat(mvc.perform(get("/search").param("page", "0"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("页码须是从 1 开始的整数");
    }

    @Test
    void aPagePastTheLastSaysWhereTheResultsEndAndLinksBack() throws Exception {
        String page = page(get("/search").param("q", "互助").param("page", "3"));

        assertThat(page).contains("结果只有 1 页").contains("href=\"/search?q=%E4%BA%92%E5%8A%A9\"");
        assertThat(page).doesNotContain("没有找到");
    }

    @Test
    void facetLinksAddAndRemoveFiltersAndKeepTheRestOfTheSearch() throws Exception {
        String page = page(get("/search").param("q", "互助").param("publisher", "大纪元"));

        String query = "q=%E4%BA%92%E5%8A%A9";
        String daJiYuan = "publisher=%E5%A4%A7%E7%BA%AA%E5%85%83";
        String kanZhongGuo = "publisher=%E7%9C%8B%E4%B8%AD%E5%9B%BD";
        assertThat(page)
                .contains("href=\"/search?" + query + "&amp;" + daJiYuan + "&amp;" + kanZhongGuo + "\"")
                .contains("href=\"/search?" + query + "\" aria-label=\"移除筛选：大纪元\"")
                .contains("href=\"/search?" + query + "\" aria-current=\"true\" class=\"active\"")
                .doesNotContain("aria-pressed")
                .contains("共 2 篇");
    }

    @Test
    void theOriginalsStateIsOfferedOnlyOnceAnOriginalWasChecked() throws Exception {
        assertThat(page(get("/search"))).contains("<h2>语言</h2>").doesNotContain("原文状态");
        assertThat(page(get("/search").param("original", "unchecked")))
                .as("kept while it filters, so it can be removed")
                .contains("<h2>原文状态</h2>")
                .contains("原文未检查");
    }

    @Test
    void emptyResultsOfferWaysToWidenTheSearch() throws Exception {
        String page = page(get("/search").param("q", "\"相互宝\"").param("year", "2020"));

        assertThat(page).contains("没有找到相关文章", "去掉所有筛选条件再搜索", "不加引号搜索：相互宝").contains("标题：中国最大网络互助平台“相互宝”被关停");
    }

    @Test
    void fallbacksAreExplained() throws Exception {
        assertThat(page(get("/search").param("q", "互助 火星人"))).contains("没有同时包含全部关键词的文章");
    }

    @Test
    void interfaceLanguageFollowsAcceptLanguageAndTheSwitcher() throws Exception {
        mvc.perform(get("/search").header("Accept-Language", "zh-TW,zh;q=0.8"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"zh-Hant\">")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("全部文章")));
        mvc.perform(get("/search").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("All articles")));
        mvc.perform(get("/search").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"zh-Hans\">")));
        mvc.perform(get("/search").param("lang", "en").header("Accept-Language", "zh-CN"))
                .andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.startsWith("lang=en;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("All articles")));
    }

    @Test
    void pagesForbidInlineScriptAndFraming() throws Exception {
        mvc.perform(get("/search"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("script-src 'self';"),
                                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                                        org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }
}
