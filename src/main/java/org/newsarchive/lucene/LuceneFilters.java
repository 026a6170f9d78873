package org.newsarchive.lucene;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.DateRange;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;

/**
 * A request's filters on the index: its facet values as drill-down clauses (so drill sideways can count each
 * filtered dimension as if it were not filtered), the folded facets by their folded term, and its publication and
 * mirror days as point ranges. Searches and exports filter through here alike. Stateless.
 */
final class LuceneFilters {

    private LuceneFilters() {}

    /** {@code query} limited to what the request filters by. */
    static DrillDownQuery filtered(FacetsConfig config, SearchRequest request, SearchPlan plan, Query query) {
        DrillDownQuery drillDown = new DrillDownQuery(config, withDateRange(query, plan));
        request.filters()
                .forEach((dimension, values) -> values.forEach(value -> {
                    if (IndexFields.FOLDED_FACETS.contains(dimension)) {
                        drillDown.add(
                                dimension,
                                new TermQuery(
                                        new Term(IndexFields.folded(dimension), ChineseAnalysis.foldValue(value))));
                    } else {
                        drillDown.add(dimension, value);
                    }
                }));
        return drillDown;
    }

    /** The query limited to the publication days and the mirror days asked for, if any. */
    private static Query withDateRange(Query match, SearchPlan plan) {
        if (!plan.hasDateRange() && !plan.hasMirroredRange()) {
            return match;
        }
        BooleanQuery.Builder limited = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (plan.hasDateRange()) {
            limited.add(within(IndexFields.DATE, plan.published()), Occur.FILTER);
        }
        if (plan.hasMirroredRange()) {
            limited.add(within(IndexFields.MIRRORED, plan.mirrored()), Occur.FILTER);
        }
        return limited.build();
    }

    private static Query within(String field, DateRange days) {
        return LongPoint.newRangeQuery(field, days.fromMillis(), days.toMillis());
    }
}
