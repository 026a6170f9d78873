package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SortOrder;
import org.newsarchive.search.TitleCompletion;

/** The Solr requests behind each feature, checked without a cluster: what is sent, and that text stays data. */
class SolrRequestsTest {

    private static final String HOSTILE = "}{!xmlparser v='<!DOCTYPE a>'} OR *:* \" _query_:x";

    private static SearchRequest request(Map<String, List<String>> filters) {
        return new SearchRequest(
                HOSTILE, filters, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), SortOrder.NEWEST, 2, 10);
    }

    @Test
    void theReadersTextTravelsOnlyAsAParameter() {
        SolrQuery ranked = SolrRequests.ranked(request(Map.of()), SearchPlan.of(request(Map.of())), false);

        assertThat(ranked.getQuery()).isEqualTo("{!archive anyTerm=false v=$qq}");
        assertThat(ranked.get("qq")).isEqualTo(HOSTILE);
        assertThat(ranked.getFilterQueries()).noneMatch(filter -> filter.contains("xmlparser"));
    }

    @Test
    void filtersAreEscapedTaggedAlternativesAndTheDatesAreARange() {
        SearchRequest request = request(Map.of("publisher", List.of("大紀元", "A b:c)")));
        SolrQuery ranked = SolrRequests.ranked(request, SearchPlan.of(request), false);

        assertThat(ranked.getFilterQueries())
                .contains("{!tag=publisher}(publisher_folded:大纪元 OR publisher_folded:a\\ b\\:c\\))")
                .anyMatch(filter -> filter.startsWith("date:[1609459200000 TO "));
        assertThat(ranked.get("json.facet"))
                .contains("publisher:{type:terms,field:publisher,limit:20")
                .contains("domain:{excludeTags:publisher}");
        assertThat(ranked.getSortField()).isEqualTo("date desc");
        assertThat(ranked.getRows()).isEqualTo(SearchPlan.of(request).depth());
    }

    @Test
    void aPageIsFetchedByIdWithItsCopyCountsAndHighlights() {
        SolrQuery page = SolrRequests.page("互助", true, List.of("a1", "b2"), Arrays.asList("c1", null, "c1"));

        assertThat(page.getFilterQueries()).containsExactly("{!terms f=id tag=page}a1,b2");
        assertThat(page.get("hl.q")).isEqualTo("{!archive anyTerm=true part=match v=$qq}");
        assertThat(page.get("json.facet")).contains("excludeTags:page", "{!terms f=cluster}c1'");
    }

    @Test
    void suggestionsAskForTwiceTheTitlesWanted() {
        TitleCompletion completion = new TitleCompletion("相互\"宝", 5);

        assertThat(SolrRequests.titlesStartingWith("相互宝", completion).getRows()).isEqualTo(10);
        assertThat(SolrRequests.titlesContaining(completion).get("qq")).isEqualTo("title:\"相互 宝\"");
    }
}
