package org.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsarchive.analysis.ChineseAnalysis;

class TermMarkerTest {

    private final TermMarker marker = new TermMarker(new ChineseAnalysis());

    @Test
    void marksTraditionalOriginalForASimplifiedQuery() {
        assertThat(marker.mark("<p>網絡互助平臺宣布關停</p>", "网络互助 关停"))
                .isEqualTo("<p><mark>網絡互助</mark>平臺宣布<mark>關停</mark></p>");
    }

    @Test
    void marksFullWidthAndUpperCaseForms() {
        assertThat(marker.mark("<p>ＡＢＣ新闻与abc</p>", "Abc")).isEqualTo("<p><mark>ＡＢＣ</mark>新闻与<mark>abc</mark></p>");
    }

    @Test
    void marksPhrasesWholeAndLeavesExcludedAndFieldTermsAlone() {
        assertThat(marker.mark("<p>相互宝被关停，支付宝照常</p>", "\"相互宝被关停\" -支付宝 publisher:大纪元"))
                .isEqualTo("<p><mark>相互宝被关停</mark>，支付宝照常</p>");
    }

    @Test
    void keepsMarkupAndEscapesText() {
        assertThat(marker.mark("<p>a &lt;b&gt; <a href=\"https://x.test/\">互助</a></p>", "互助"))
                .isEqualTo("<p>a &lt;b&gt; <a href=\"https://x.test/\"><mark>互助</mark></a></p>");
    }

    @Test
    void queryTextNeverBecomesMarkup() {
        assertThat(marker.mark("<p>&lt;script&gt;</p>", "<script>")).isEqualTo("<p><mark>&lt;script&gt;</mark></p>");
    }

    @Test
    void returnsTheHtmlUnchangedWithoutTerms() {
        assertThat(marker.mark("<p>正文</p>", "")).isEqualTo("<p>正文</p>");
        assertThat(marker.mark("<p>正文</p>", "-正文")).isEqualTo("<p>正文</p>");
    }
}
