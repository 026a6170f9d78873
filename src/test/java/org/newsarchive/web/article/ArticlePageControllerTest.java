package org.newsarchive.web.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleImage;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.Language;
import org.newsarchive.article.Provenance;
import org.newsarchive.article.PublicationDate;
import org.newsarchive.article.SourceFormat;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.store.RawStore;
import org.newsarchive.web.PageSliceConfiguration;
import org.newsarchive.web.RealArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The reading page and the original-file download, over a real index and raw store. */
@WebMvcTest(ArticlePageController.class)
@Import({ArticleBody.class, PageSliceConfiguration.class, RealArchive.class})
class ArticlePageControllerTest {

    static final String ID = "0123456789abcdef";
    static final byte[] ORIGINAL = "---\ntitle: 網絡互助\n---\n<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    LuceneIndexWriter index;

    @Autowired
    RawStore rawStore;

    private String sha256;

    /** An article with every part a page shows, saved in the real archive with its original file. */
    static Article article(String sha256) {
        return new Article(
                ID,
                "網絡互助平臺關停",
                "副標題",
                PublicationDate.ofDate(LocalDate.of(2022, 1, 5), DateSource.FRONT_MATTER),
                "看中国",
                "频道甲",
                List.of("林记者"),
                List.of("王编辑"),
                "https://www.example.com/news/1.html",
                List.of("互助", "保险"),
                List.of(),
                List.of(),
                new ArticleImage("https://img.example.com/lead.jpg", "首图说明", null),
                List.of(),
                List.of(),
                Language.ZH_HANT,
                "網絡互助平臺宣布關停。",
                "<p>網絡互助平臺宣布關停。</p><figure><img src=\"https://img.example.com/body.jpg\" alt=\"圖\"></figure>",
                10,
                1,
                new Provenance(
                        "mirror/2022/關停.md",
                        SourceFormat.FRONT_MATTER_MARKDOWN,
                        sha256,
                        "UTF-8",
                        Instant.parse("2026-11-01T00:00:00Z")));
    }

    @BeforeEach
    void oneArticle() {
        sha256 = rawStore.put(ORIGINAL);
        index.save(article(sha256));
        index.commit();
    }

    private String page(String path, String... query) throws Exception {
        return mvc.perform(query.length == 0 ? get(path) : get(path).param("q", query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void showsMetadataSourceAndArchiveRecord() throws Exception {
        String page = page("/articles/" + ID);

        assertThat(page)
                .contains("<h1>網絡互助平臺關停</h1>", "副標題", "看中国", "频道甲", "林记者", "王编辑")
                .contains("<time datetime=\"2022-01-05\">2022-01-05</time>", "（仅知日期）")
                .contains("href=\"/tags/%E4%BA%92%E5%8A%A9\"")
                .contains("原文链接（可能已被屏蔽或删除）", "https://www.example.com/news/1.html")
                .contains("href=\"/articles/" + ID + "/original\"", "href=\"/api/articles/" + ID + "\"")
                .contains("http://localhost/articles/" + ID, "mirror/2022/關停.md", sha256)
                .contains("<article class=\"reading\" lang=\"zh-Hant\">");
    }

    @Test
    void carriesCitationDublinCoreAndOpenGraphMetadataAndACiteSection() throws Exception {
        String page = page("/articles/" + ID);

        assertThat(page)
                .contains("<meta name=\"citation_title\" content=\"網絡互助平臺關停\">")
                .contains("<meta name=\"citation_author\" content=\"林记者\">")
                .contains("<meta name=\"citation_publication_date\" content=\"2022/01/05\">")
                .contains("<meta name=\"citation_publisher\" content=\"看中国\">")
                .contains("<meta name=\"citation_public_url\" content=\"http://localhost/articles/" + ID + "\">")
                .contains("<meta name=\"DC.source\" content=\"https://www.example.com/news/1.html\">")
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("<meta name=\"description\" content=\"副標題\">")
                .contains("@online{newsarchive-" + ID)
                .contains("/api/articles/" + ID + "/citation?format=ris");
    }

    @Test
    void marksTheTermsOfTheSearchTheReaderCameFrom() throws Exception {
        assertThat(page("/articles/" + ID, "网络互助"))
                .contains("<mark>網絡互助</mark>平臺宣布關停")
                .contains("<h1><mark>網絡互助</mark>平臺關停</h1>")
                .contains("href=\"/search?q=%E7%BD%91%E7%BB%9C%E4%BA%92%E5%8A%A9\"");
    }

    @Test
    void remoteImagesAreLinksUntilTheReaderAsks() throws Exception {
        String page = page("/articles/" + ID);

        assertThat(page.replaceAll("<img class=\"logo\"[^>]*>", ""))
                .as("no image but the archive's own logo")
                .doesNotContain("<img");
        assertThat(page)
                .contains(
                        "data-src=\"https://img.example.com/lead.jpg\"",
                        "data-src=\"https://img.example.com/body.jpg\"")
                .contains("显示图片（来自 img.example.com");
        assertThat(page.indexOf("lead.jpg")).isLessThan(page.indexOf("body.jpg"));
    }

    @Test
    void unknownOrMalformedIdsAreNotFoundPages() throws Exception {
        for (String id : List.of("ffffffffffffffff", "not-an-id", "..", "%3Cscript%3E")) {
            mvc.perform(get("/articles/" + id))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("找不到这个页面")));
            mvc.perform(get("/articles/" + id + "/original")).andExpect(status().isNotFound());
        }
    }

    @Test
    void originalIsTheExactBytesAsASandboxedAttachment() throws Exception {
        byte[] body = mvc.perform(get("/articles/" + ID + "/original"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/markdown;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string(
                                "Content-Disposition", containsString("filename*=UTF-8''%E9%97%9C%E5%81%9C.md")))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(body).isEqualTo(ORIGINAL);
    }
}
