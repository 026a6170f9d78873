package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleImage;
import org.newsarchive.article.DatePrecision;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.Language;
import org.newsarchive.article.SourceFormat;

/** The exact expectations for the five seed documents, one format family each. */
class SeedGoldenTest {

    private static Article seed(String name) {
        return Normalizers.file(Path.of("seeds", name));
    }

    @Test
    void jekyllPostWithHtmlBodyFromEpochTimes() {
        Article article = seed("000_1a9ccc52b8d05a66.txt");

        assertThat(article.title()).isEqualTo("大陆第二大互助平台水滴互助关停 会员过亿");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-03-26T16:21:53Z");
        assertThat(article.publishedAt().source()).isEqualTo(DateSource.FRONT_MATTER);
        assertThat(article.publisher()).isEqualTo("大纪元");
        assertThat(article.authors()).isEmpty();
        assertThat(article.editors()).containsExactly("林诗远");
        assertThat(article.sourceUrl()).isEqualTo("https://www.epochtimes.com/gb/21/3/26/n12838182.htm");
        assertThat(article.tags()).containsExactly("大纪元");
        assertThat(article.keywords()).containsExactly("关停", "众筹", "水滴互助", "水滴筹");
        assertThat(article.text()).contains("3月26日消息，继百度互助宣布下线").endsWith("已救助会员2.1万人。");
        assertThat(article.text() + article.html()).doesNotContain("责任编辑", "------", "<!--", "1616775713000");
        assertThat(article.language()).isEqualTo(Language.ZH_HANS);
        assertThat(article.provenance().format()).isEqualTo(SourceFormat.FRONT_MATTER_HTML);
    }

    @Test
    void hexoPostWithLazyImagesFromZaker() {
        Article article = seed("001_8bf697e77c316bad.txt");

        assertThat(article.title()).isEqualTo("又一互助平台宣布关停，将返还全部分摊费用");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-10-11T04:14:47Z");
        assertThat(article.publisher()).isEqualTo("ZAKER");
        assertThat(article.categories()).containsExactly("新媒体", "ZAKER", "channel");
        assertThat(article.leadImage().url())
                .isEqualTo("http://zkres2.myzaker.com/202110/6164098e8e9f095317486d9f_1024.jpg");
        assertThat(article.images())
                .extracting(ArticleImage::url)
                .containsExactly(
                        "http://zkres2.myzaker.com/202110/6164098e8e9f095317486d9f_1024.jpg",
                        "http://zkres1.myzaker.com/202110/6164098e8e9f095317486da0_1024.jpg");
        assertThat(article.text()).startsWith("据最新消息称，滴滴金融旗下大病互助计划产品点滴守护近期宣布").endsWith("仍旧需要打上一个问号。");
        assertThat(article.html()).doesNotContain("cors.zfour.workers.dev", "onclick");
    }

    @Test
    void mirrorMarkdownWithEmbeddedHtmlFromEpochTimes() {
        Article article = seed("002_3078d70d0ab3e5f7.txt");

        assertThat(article.title()).isEqualTo("中国最大网络互助平台“相互宝”被关停");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-12-29");
        assertThat(article.publishedAt().precision()).isEqualTo(DatePrecision.DATE);
        assertThat(article.publishedAt().source()).isEqualTo(DateSource.DATELINE);
        assertThat(article.publisher()).isEqualTo("大纪元");
        assertThat(article.authors()).containsExactly("李冰");
        assertThat(article.editors()).containsExactly("孙芸");
        assertThat(article.sourceUrl()).isEqualTo("https://www.epochtimes.com/gb/21/12/28/n13465147.htm");
        assertThat(article.leadImage().url())
                .isEqualTo("https://i.epochtimes.com/assets/uploads/2020/10/161101075300100311-600x400.jpg");
        assertThat(article.leadImage().caption()).isEqualTo("蚂蚁集团旗下的网络互助平台“相互宝”宣布，将于明年1月停止运行。（宋碧龙／大纪元）");
        assertThat(article.text())
                .contains("继美团互助、新浪互助等平台宣布关停后，蚂蚁集团旗下的“相互宝”也将于明年1月关停。")
                .contains("\n\n民营互助平台被政府主导的“惠民保”取代？\n\n")
                .endsWith("个别地区“惠民保”价格与前两年相比开始上涨。\n\n" + article.leadImage().caption());
        assertThat(article.html()).contains("<h4>民营互助平台被政府主导的“惠民保”取代？</h4>");
        assertThat(article.text() + article.html()).doesNotContain("首页", "翻墙", "禁书", "原文链接");
    }

    @Test
    void gnewsMirrorMarkdown() {
        Article article = seed("003_4984534a3bff97df.txt");

        assertThat(article.title()).isEqualTo("绝人生路的叫停 究竟动了谁的奶酪？");
        assertThat(article.publisher()).isEqualTo("GNews");
        assertThat(article.channel()).isEqualTo("澳喜农场");
        assertThat(article.authors()).containsExactly("童媚");
        assertThat(article.editors()).containsExactly("五饼二鱼");
        assertThat(article.sourceUrl()).isEqualTo("https://gnews.org/zh-hans/1039409/");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-03");
        assertThat(article.publishedAt().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(article.publishedAt().inferred()).isTrue();
        assertThat(article.text()).startsWith("3月24日，轻松互助官方突然发布关停公告。").contains("只要中共一天不倒，中国百姓的苦难就一天不会结束。");
        assertThat(article.text() + article.html()).doesNotContain("返回首頁", ":house:", "轉載自GNews", "Logo", "+2");
    }

    @Test
    void mirrorMarkdownWithAdsFromSecretChina() {
        Article article = seed("004_ab59611138e6fcfc.txt");

        assertThat(article.title()).isEqualTo("两大金融平台被查封：1.2亿人断了后路(组图)");
        assertThat(article.publisher()).isEqualTo("看中国");
        assertThat(article.publishedAt().iso()).isEqualTo("2021-04-02");
        assertThat(article.editors()).containsExactly("宇真");
        assertThat(article.sourceUrl()).isEqualTo("https://www.secretchina.com/news/gb/2021/04/02/967508.html");
        assertThat(article.text())
                .startsWith("我们都知道，在中国的医保体系是非常不健全的")
                .contains("确实非常可悲！\n\n" + article.images().get(0).caption());
        assertThat(article.text() + article.html())
                .doesNotContain("疫情象最后通牒", "荣誉会员", "本文短网址", "版权所有", "手机上长按", "原文地址", "翻墙", "taboola");
        assertThat(article.images())
                .hasSize(2)
                .allSatisfy(image -> assertThat(image.caption()).isNotBlank());
        assertThat(article.images().get(0).caption()).isEqualTo("3月26日，国内最早成立的网络互助社群之一的水滴互助宣布关停（网络图片）");
    }

    @Test
    void sameSeedGivesSameIdFromAnyPath() {
        Article first = seed("002_3078d70d0ab3e5f7.txt");
        Article again = Normalizers.file(Path.of("seeds", "002_3078d70d0ab3e5f7.txt"));

        assertThat(again.id()).isEqualTo(first.id()).matches("[0-9a-f]{16}");
    }
}
