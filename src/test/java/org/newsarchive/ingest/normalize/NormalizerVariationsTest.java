package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleIds;
import org.newsarchive.article.DatePrecision;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.Language;

/** Variations of the format families beyond the seeds: each test names the variation it covers. */
class NormalizerVariationsTest {

    @Test
    void unquotedTitleAndBlockListsAndPlainLocalTimeReadAsChinaTime() {
        Article article = Normalizers.article("""
                ---
                title: 关停之后 会员怎么办
                date: 2021-10-28 14:08:07
                tags:
                  - 互助
                  - 监管
                ---
                <p>多家互助平台宣布关停，会员权益如何保障成为焦点。</p>
                """);

        assertThat(article.title()).isEqualTo("关停之后 会员怎么办");
        assertThat(article.tags()).containsExactly("互助", "监管");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-10-28T06:08:07Z");
        assertThat(article.publishedAt().assumedOffset()).hasToString("+08:00");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-05-06 10:20:00 +0800",
                "2024-05-06 10:20:00 +08:00",
                "'2024-05-06 10:20:00 +0800'",
                "\"2024-05-06 10:20 +08:00\"",
                "2024-05-06T10:20:00+08:00",
                "2024-05-06T10:20:00.000+0800",
                "2024-05-06 02:20:00 Z",
                "2024-05-05 19:20:00 -0700",
                "2024/05/06 10:20:00 +0800"
            })
    void jekyllHugoAndHexoTimesWithAnOffsetKeepTheirInstant(String date) {
        Article article = Normalizers.article("---\ntitle: 标题\ndate: " + date + "\n---\n<p>正文一段。</p>\n");

        assertThat(article.publishedAt().iso()).isEqualTo("2024-05-06T02:20:00Z");
        assertThat(article.publishedAt().precision()).isEqualTo(DatePrecision.DATE_TIME);
        assertThat(article.publishedAt().assumedOffset()).isNull();
    }

    @Test
    void aPostOfWhichOnlyATitleSurvivesIsKeptAsARecordWithoutText() {
        var result = Normalizers.normalize("""
                ###  [:house:返回首頁](https://github.com/ourhimalayas/txt)
                ---


                ## 秘翻吐槽剧场：诗歌《哭泣的香港》
                ` 秘密翻譯組G-Translators` [轉載自GNews](https://gnews.org/zh-hans/1566792/)

                #### 作者：小蚂蚁的自由 文殊
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Article article = ((NormalizationResult.Normalized) result).article();
        assertThat(article.title()).isEqualTo("秘翻吐槽剧场：诗歌《哭泣的香港》");
        assertThat(article.sourceUrl()).isEqualTo("https://gnews.org/zh-hans/1566792/");
        assertThat(article.hasText()).isFalse();
        assertThat(article.language()).isEqualTo(Language.ZH_HANS);
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("only a title"));
    }

    @Test
    void aVideoPostKeepsItsVideoAsALinkAndIsNotRefused() {
        var result = Normalizers.normalize("""
                <html><head><title>三分钟视频：真相</title></head><body><article>
                <h1>三分钟视频：真相</h1>
                <figure><video controls poster="https://img.example.org/poster.jpg">
                <source src="https://video.example.org/3min.mp4" type="video/mp4"></video>
                <figcaption>三分钟了解真相</figcaption></figure>
                </article></body></html>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Article article = ((NormalizationResult.Normalized) result).article();
        assertThat(article.title()).isEqualTo("三分钟视频：真相");
        assertThat(article.videos())
                .containsExactly(new org.newsarchive.article.ArticleVideo(
                        "https://video.example.org/3min.mp4", "https://img.example.org/poster.jpg", "三分钟了解真相"));
    }

    @Test
    void aVideoWithNothingElseButItsTitleIsKeptWithTheVideo() {
        var result = Normalizers.normalize(("<html><head><title>三分钟视频</title></head><body><article>"
                        + "<h1>三分钟视频</h1><video src=\"https://video.example.org/a.mp4\"></video></article></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Article article = ((NormalizationResult.Normalized) result).article();
        assertThat(article.videos())
                .extracting(org.newsarchive.article.ArticleVideo::url)
                .containsExactly("https://video.example.org/a.mp4");
        assertThat(article.hasText()).isFalse();
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("a video"));
    }

    @Test
    void aFileWithNeitherATitleNorABodyIsRefused() {
        var result = Normalizers.normalize("<html><body><nav><a href=\"/\">首页</a></nav></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(NormalizationResult.Refused.class);
    }

    @Test
    void aFrontMatterDateThatIsNotReadIsReported() {
        var result = Normalizers.normalize(
                "---\ntitle: 标题\ndate: 去年夏天\n---\n<p>正文一段。</p>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(((NormalizationResult.Normalized) result).article().publishedAt())
                .isNull();
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("front matter date", "去年夏天"));
    }

    @Test
    void brokenFrontMatterFallsBackToBodyWithWarning() {
        var result = Normalizers.normalize("""
                ---
                title: "unterminated
                tags: [a, b
                ---
                正文第一段，说明平台已经关停。
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("front matter"));
        assertThat(((NormalizationResult.Normalized) result).article().text()).contains("正文第一段");
    }

    @Test
    void missingTitleIsDerivedFromFirstSentenceWithWarning() {
        var result = Normalizers.normalize("平台今天宣布关停。会员的余额将在五日内退回。".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var article = ((NormalizationResult.Normalized) result).article();
        assertThat(article.title()).isEqualTo("平台今天宣布关停");
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("no title"));
    }

    @Test
    void indentedInlineMarkupJoinsWithoutSpacesBetweenChineseButKeepsLatinSpaces() {
        Article article = Normalizers.article("""
                ### 标题
                <p>
                  在中国的
                  <span href="https://www.secretchina.com/news/gb/tag/医保">
                   医保
                  </span>
                  体系 and the
                  <b>
                   insurance
                  </b>
                  market
                </p>
                """);

        assertThat(article.text()).isEqualTo("在中国的医保体系 and the insurance market");
        assertThat(article.keywords()).containsExactly("医保");
    }

    @Test
    void aLineEndingInAnExtensionBCharacterEndsItsParagraphLikeAnyHanCharacter() {
        String beyondTheBmp = Normalizers.article("### 标题\n\n香港的𠀤\n字仍在\n").text();
        String inTheBmp = Normalizers.article("### 标题\n\n香港的字\n仍在\n").text();

        assertThat(inTheBmp).isEqualTo("香港的字\n\n仍在");
        assertThat(beyondTheBmp).isEqualTo("香港的𠀤\n\n字仍在");
    }

    @Test
    void nonStandardLinkTagsKeepTextAndLink() {
        Article article = Normalizers.article("""
                ### 标题
                <p>参见<ok href="https://example.org/report">完整报告</ok>。</p>
                """);

        assertThat(article.text()).isEqualTo("参见完整报告。");
        assertThat(article.html())
                .contains("<a href=\"https://example.org/report\"")
                .contains(">完整报告</a>");
    }

    @Test
    void deeplyNestedUnclosedParagraphsBecomeFlatParagraphs() {
        Article article = Normalizers.article("### 标题\n<div><p>第一段<p>第二段<div><p>第三段</div></div>");

        assertThat(article.text()).isEqualTo("第一段\n\n第二段\n\n第三段");
        assertThat(article.html()).isEqualTo("<p>第一段</p><p>第二段</p><p>第三段</p>");
    }

    @Test
    void wikiLinksAndSplitEmphasisAreCleaned() {
        Article article = Normalizers.article("## 标题\n\n根据[[zh:英国]]《[[zh:每日电讯]]报》**2017****年**的报道。\n");

        assertThat(article.text()).isEqualTo("根据英国《每日电讯报》2017年的报道。");
        assertThat(article.html()).contains("<strong>2017年</strong>");
    }

    @Test
    void emphasisThatCommonMarkCannotCloseBesideChinesePunctuationLeavesNoAsterisks() {
        Article article = Normalizers.article("## 标题\n\n**1 ****加利福尼亚发现美国首例 omicron **变体的报道全文如下，内容很长很长。\n\n"
                + "正文第二段，说明情况。\n\n**翻译/译评：**天道酬勤2020 **编辑：**翼族\n");

        assertThat(article.text()).doesNotContain("**").contains("加利福尼亚发现美国首例 omicron 变体");
        assertThat(article.html()).doesNotContain("**");
        assertThat(article.authors()).containsExactly("天道酬勤2020");
        assertThat(article.editors()).containsExactly("翼族");
        assertThat(article.text()).doesNotContain("翼族", "天道酬勤");
    }

    @Test
    void anImageIsKeptAsTheWidestCandidateOfItsSourceSetOrPicture() {
        Article article = Normalizers.article("""
                <html><head><title>图片</title></head><body><article><h1>图片的报道</h1>
                <p>第一段正文，讲述事件的经过，足够长以便被识别为正文内容。</p>
                <img src="https://img.example.org/small.jpg" alt="一"
                     srcset="https://img.example.org/small.jpg 320w, https://img.example.org/large.jpg 1280w,
                             https://img.example.org/medium.jpg 640w">
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="二"
                     data-srcset="https://img.example.org/lazy-1x.jpg, https://img.example.org/lazy-2x.jpg 2x">
                <picture>
                  <source type="image/webp" srcset="https://img.example.org/p-800.webp 800w, https://img.example.org/p-1600.webp 1600w">
                  <img src="https://img.example.org/p-fallback.jpg" alt="三">
                </picture>
                <img data-src="https://img.example.org/lazy.jpg" src="https://img.example.org/placeholder.gif" alt="四">
                <p>第二段正文，继续讲述事件的经过，同样足够长。</p>
                </article></body></html>
                """);

        assertThat(article.images())
                .extracting(image -> image.url())
                .containsExactly(
                        "https://img.example.org/large.jpg",
                        "https://img.example.org/lazy-2x.jpg",
                        "https://img.example.org/p-1600.webp",
                        "https://img.example.org/lazy.jpg");
    }

    @Test
    void proseOnTheLineOfAnImageIsTheArticlesOpeningNotACaption() {
        Article article = Normalizers.article("## 标题\n\n![](https://example.com/a.png) "
                + "6月3日，美国国务院网站刊登了国务卿安东尼·布林肯《天安门广场33周年》的声明。声明全文内容如下。\n\n明天，我们将纪念北京天安门大屠杀33周年。\n");

        assertThat(article.images())
                .singleElement()
                .satisfies(image -> assertThat(image.caption()).isNull());
        assertThat(article.text()).startsWith("6月3日，美国国务院网站刊登了");
        assertThat(article.html()).contains("<p>6月3日，美国国务院网站刊登了");
    }

    @Test
    void aCaptionOnTheLineOfItsImageStaysACaptionThoughItHoldsSentences() {
        Article article = Normalizers.article("## 标题\n\n正文第一段，说明情况。\n"
                + "![](https://example.com/a.png)2006年12月拍摄的档案照片显示了台湾国旗。图片来源：《日本共同通讯社》\n正文第二段。\n");

        assertThat(article.images().get(0).caption()).isEqualTo("2006年12月拍摄的档案照片显示了台湾国旗。图片来源：《日本共同通讯社》");
    }

    @Test
    void theLineAfterAnImageIsItsCaptionOnlyInCaptionMarkup() {
        Article marked = Normalizers.article(
                "## 标题\n\n正文第一段，说明情况。\n\n![](https://example.com/a.png)\n图：悉尼帝苑剧院观看神韵演出的观众\n\n正文第二段。\n");
        Article plain =
                Normalizers.article("## 标题\n\n正文第一段，说明情况。\n\n![](https://example.com/a.png)\n悉尼帝苑剧院的观众很多\n\n正文第二段。\n");

        assertThat(marked.images().get(0).caption()).isEqualTo("图：悉尼帝苑剧院观看神韵演出的观众");
        assertThat(plain.images().get(0).caption()).isNull();
        assertThat(plain.text()).contains("悉尼帝苑剧院的观众很多\n\n正文第二段。");
    }

    @Test
    void captionsFollowTheProseInTheTextAndLeaveTheIdAndReadingTimeAlone() {
        String prose = "## 标题\n\n正文第一段，说明情况。\n\n正文第二段。\n";
        Article withCaption = Normalizers.article(prose + "\n![](https://example.com/a.png)图片来源：路透社\n");
        Article withoutImage = Normalizers.article(prose);

        assertThat(withCaption.text()).isEqualTo("正文第一段，说明情况。\n\n正文第二段。\n\n图片来源：路透社");
        assertThat(withCaption.html()).contains("<figcaption>图片来源：路透社</figcaption>");
        assertThat(withCaption.id()).isEqualTo(withoutImage.id());
        assertThat(withCaption.readingMinutes()).isEqualTo(withoutImage.readingMinutes());
    }

    @Test
    void aCreditLineInEmphasisGoesToItsField() {
        Article article = Normalizers.article("## 标题\n\n正文第一段，说明情况，内容很长很长很长。\n\n正文第二段。\n\n**整理：**顺其自然\n**编辑：**翼族\n");

        assertThat(article.editors()).contains("翼族");
        assertThat(article.text()).doesNotContain("**").doesNotContain("翼族");
    }

    @Test
    void aSingleAsteriskMaskingACharacterIsKept() {
        Article article = Normalizers.article("## 标题\n\n2022年4月20日*州新民生村镇银行拒绝兑付和查证存款，储户维权。\n");

        assertThat(article.text()).contains("*州新民生村镇银行");
    }

    @Test
    void entitiesAreDecodedAndScriptsNeverSurvive() {
        Article article = Normalizers.article("""
                ### 标题
                <p>A &amp; B &lt;说&gt;<script>alert(1)</script><a href="javascript:alert(3)">链接</a><img src="x" onerror="alert(2)"></p>
                """);

        assertThat(article.text()).isEqualTo("A & B <说>链接");
        assertThat(article.html()).doesNotContain("script", "onerror", "javascript:");
    }

    @Test
    void gnews2023BylineGivesTimeAndChannel() {
        Article article = Normalizers.article("""
                ###  [:house:返回](README.md)
                ---


                ## 【秘翻在线】硅谷银行倒闭
                `3/11/2023 2:51 AM UTC 秘密翻譯組G-Translators` [轉載自GNews](https://gnews.org/articles/1002874)

                根据NBC新闻3月11日报道，硅谷银行即将倒闭。

                - [ROL Foundation](https://rolfoundation.org/)
                - [Terms of use](https://gnews.org/terms-of-use-3/)
                """);

        assertThat(article.title()).isEqualTo("【秘翻在线】硅谷银行倒闭");
        assertThat(article.publishedAt().iso()).isEqualTo("2023-03-11T02:51:00Z");
        assertThat(article.publishedAt().source()).isEqualTo(DateSource.BYLINE);
        assertThat(article.channel()).isEqualTo("秘密翻譯組G-Translators");
        assertThat(article.publisher()).isEqualTo("GNews");
        assertThat(article.text()).isEqualTo("根据NBC新闻3月11日报道，硅谷银行即将倒闭。");
    }

    @Test
    void sameGnewsArticleUnderBothUrlLayoutsHasOneId() {
        assertThat(ArticleIds.fromSourceUrl("https://gnews.org/zh-hans/1039409/"))
                .isEqualTo(ArticleIds.fromSourceUrl("https://gnews.org/articles/1039409"));
    }

    @Test
    void chineseNumeralDatelineFromMinghui() {
        Article article = Normalizers.article("""
                ## 标题

                【明慧网二零二零年七月二十日】大陆学员讲述近况。
                """);

        assertThat(article.publishedAt().iso()).isEqualTo("2020-07-20");
        assertThat(article.publisher()).isEqualTo("明慧网");
        assertThat(article.text()).isEqualTo("大陆学员讲述近况。");
    }

    @Test
    void sourceUrlPathGivesDateWhenNothingElseDoes() {
        Article article = Normalizers.article("""
                ## 标题

                正文。

                原文链接：https://www.minghui.org/mh/articles/2020/7/20/411234.html
                """);

        assertThat(article.publishedAt().iso()).isEqualTo("2020-07-20");
        assertThat(article.publishedAt().source()).isEqualTo(DateSource.SOURCE_URL_PATH);
        assertThat(article.publisher()).isEqualTo("明慧网");
    }

    @Test
    void noDateIsInventedWhenNoneIsStated() {
        Article article = Normalizers.article("## 标题\n\n正文没有日期。\n");

        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void epochMillisecondCommentGivesExactTime() {
        Article article = Normalizers.article("<!--1616775713000-->\n<h2>标题</h2><p>正文。</p>");

        assertThat(article.publishedAt().iso()).isEqualTo("2021-03-26T16:21:53Z");
        assertThat(article.publishedAt().precision()).isEqualTo(DatePrecision.DATE_TIME);
    }

    @Test
    void traditionalTextIsDetectedAsHant() {
        Article article = Normalizers.article("## 標題\n\n網絡互助平台相繼關停，會員們對後續的理賠安排表示擔憂。\n");

        assertThat(article.language()).isEqualTo(Language.ZH_HANT);
    }

    @Test
    void englishTextIsOther() {
        Article article = Normalizers.article("## Title\n\nThe platform announced it will shut down next month.\n");

        assertThat(article.language()).isEqualTo(Language.OTHER);
    }

    @Test
    void completeHtmlPageUsesItsMetaTags() {
        Article article = Normalizers.article("""
                <!DOCTYPE html><html><head><title>站点 - 标题</title>
                <meta property="og:title" content="真正的标题">
                <meta property="article:published_time" content="2022-05-01T08:00:00+08:00">
                <link rel="canonical" href="https://www.rfa.org/mandarin/2022/05/01/story.html">
                </head><body><nav><a href="/">首页</a></nav><article><p>文章正文。</p></article></body></html>
                """);

        assertThat(article.title()).isEqualTo("真正的标题");
        assertThat(article.publishedAt().iso()).isEqualTo("2022-05-01T00:00:00Z");
        assertThat(article.publisher()).isEqualTo("自由亚洲电台");
        assertThat(article.text()).isEqualTo("文章正文。");
    }

    @Test
    void videoPostKeepsItsVideoLinkAsBody() {
        Article article = Normalizers.article("""
                ## 郭文贵先生的荷兰雪梨酒店公寓着火了
                `3/15/2023 11:31 PM UTC 秘密翻译组` [轉載自GNews](https://gnews.org/articles/1017721)

                https://media.gettr.com/group4/getter/2023/03/15/23/1656e873/out.mp4
                """);

        assertThat(article.text()).isEqualTo("https://media.gettr.com/group4/getter/2023/03/15/23/1656e873/out.mp4");
        assertThat(article.html())
                .contains("<a href=\"https://media.gettr.com/group4/getter/2023/03/15/23/1656e873/out.mp4\"");
    }

    @Test
    void imageOnlyPostIsKeptWithWarningAndDistinctIds() {
        var first = Normalizers.normalize(
                "## 每日要闻一\n\n![](https://img.example.org/a.jpg)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var second = Normalizers.normalize(
                "## 每日要闻二\n\n![](https://img.example.org/b.jpg)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(first.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("images but no text"));
        Article a = ((NormalizationResult.Normalized) first).article();
        Article b = ((NormalizationResult.Normalized) second).article();
        assertThat(a.images()).hasSize(1);
        assertThat(a.id()).isNotEqualTo(b.id());
    }
}
