package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleExtractorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "港口的货轮又回来了 - 新闻网; 港口的货轮又回来了; true",
                "港口的货轮又回来了｜新闻网; 港口的货轮又回来了; true",
                "Ships return | Harbour News; Ships return; true",
                "港口的货轮又回来了_新闻网_新闻中心; 港口的货轮又回来了; true",
                "港口的货轮又回来了; 港口的货轮又回来了; false",
                "港口的货轮又回来了 - ; 港口的货轮又回来了; false",
                "港口的货轮又回来了，工人们很高兴; 港口的货轮又回来了; false",
                "新闻网 - 港口的货轮又回来了; 港口的货轮又回来了; false",
                "港口 - 货轮; 码头; false"
            })
    void aPageTitleIsItsHeadingAndTheSiteName(String pageTitle, String heading, boolean siteTitle) {
        assertThat(TitleExtractor.isSiteTitle(pageTitle, heading)).isEqualTo(siteTitle);
    }
}
