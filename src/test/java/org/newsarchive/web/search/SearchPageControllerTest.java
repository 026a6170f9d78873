package org.newsarchive.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.web.PageSliceConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The results page's request handling and rendering, with the search service replaced. */
@WebMvcTest(SearchPageController.class)
@Import({SearchPage.class, PageSliceConfiguration.class})
class SearchPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SearchService search;

    @BeforeEach
    void emptyArchive() {
        when(search.search(any())).thenReturn(results(0, Map.of()));
        when(search.suggest(anyString(), anyInt())).thenReturn(List.of());
    }

    private static SearchResults results(long total, Map<String, List<FacetCount>> facets) {
        return new SearchResults(
                "", total, true, 1, SearchPage.SIZE, 3, SearchResults.Fallback.NONE, false, List.of(), facets);
    }

    @Test
    void passesEveryParameterToTheSearchService() throws Exception {
        mvc.perform(get("/search")
                        .param("q", "相互宝")
                        .param("publisher", "大纪元", "看中国")
                        .param("tag", "互助")
                        .param("from", "2021-01-01")
                        .param("to", "2021-12-31")
                        .param("sort", "oldest")
                        .param("page", "3"))
                .andExpect(status().isOk());

        ArgumentCaptor<SearchRequest> request = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(request.capture());
        assertThat(request.getValue())
                .isEqualTo(new SearchRequest(
                        "相互宝",
                        Map.of("publisher", List.of("大纪元", "看中国"), "tag", List.of("互助")),
                        LocalDate.of(2021, 1, 1),
                        LocalDate.of(2021, 12, 31),
                        SortOrder.OLDEST,
                        3,
                        SearchPage.SIZE));
    }

    @Test
    void listsNewestFirstWithoutAQuery() throws Exception {
        mvc.perform(get("/search")).andExpect(status().isOk());

        ArgumentCaptor<SearchRequest> request = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(request.capture());
        assertThat(request.getValue().sort()).isEqualTo(SortOrder.NEWEST);
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
    void facetLinksAddAndRemoveFiltersAndKeepTheRestOfTheSearch() throws Exception {
        when(search.search(any()))
                .thenReturn(results(
                        12, Map.of("publisher", List.of(new FacetCount("大纪元", 7), new FacetCount("看中国", 5)))));

        String page = mvc.perform(get("/search").param("q", "互助").param("publisher", "大纪元"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");

        String query = "q=%E4%BA%92%E5%8A%A9";
        String daJiYuan = "publisher=%E5%A4%A7%E7%BA%AA%E5%85%83";
        String kanZhongGuo = "publisher=%E7%9C%8B%E4%B8%AD%E5%9B%BD";
        assertThat(page)
                .contains("href=\"/search?" + query + "&amp;" + daJiYuan + "&amp;" + kanZhongGuo + "\"")
                .contains("href=\"/search?" + query + "\" aria-label=\"移除筛选：大纪元\"")
                .contains("href=\"/search?" + query + "\" aria-pressed=\"true\" class=\"active\"")
                .contains("共 12 篇");
    }

    @Test
    void emptyResultsOfferWaysToWidenTheSearch() throws Exception {
        when(search.suggest(anyString(), anyInt())).thenReturn(List.of("中国最大网络互助平台“相互宝”被关停"));

        String page = mvc.perform(get("/search").param("q", "\"相互宝 关停\"").param("year", "2020"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("没有找到相关文章", "去掉所有筛选条件再搜索", "不加引号搜索：相互宝 关停").contains("标题：中国最大网络互助平台“相互宝”被关停");
    }

    @Test
    void fallbacksAreExplained() throws Exception {
        when(search.search(any()))
                .thenReturn(new SearchResults(
                        "a b", 2, true, 1, 20, 1, SearchResults.Fallback.ANY_TERM, false, List.of(), Map.of()));

        mvc.perform(get("/search").param("q", "a b"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有同时包含全部关键词的文章")));
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
