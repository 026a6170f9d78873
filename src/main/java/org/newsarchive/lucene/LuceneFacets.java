package org.newsarchive.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.FacetOptions;

/** How the embedded index keeps its facets: Lucene's sorted-set doc values, one dimension per facet field. */
public final class LuceneFacets {

    private LuceneFacets() {}

    /** Facet configuration: multi-valued dimensions for tags and categories. */
    public static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(IndexFields.TAG, true);
        config.setMultiValued(IndexFields.CATEGORY, true);
        config.setMultiValued(IndexFields.CHANNEL, false);
        return config;
    }

    /**
     * The values of every dimension that {@code options} asks for, in display order; a dimension no article has yet
     * counts as empty. The most frequent few come from Lucene's top-children queue; every value, or values in value
     * order, from all children, sorted here.
     */
    static Map<String, List<FacetCount>> topCounts(Facets facets, FacetOptions options) throws IOException {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            List<FacetCount> values = new ArrayList<>();
            try {
                boolean fewMostFrequent =
                        options.order() == FacetOptions.Order.COUNT && options.size() != FacetOptions.ALL;
                FacetResult result = fewMostFrequent
                        ? facets.getTopChildren(options.size(), dimension)
                        : facets.getAllChildren(dimension);
                if (result != null) {
                    for (LabelAndValue label : result.labelValues) {
                        values.add(new FacetCount(label.label, label.value.longValue()));
                    }
                }
                if (!fewMostFrequent) {
                    values = options.apply(values);
                }
            } catch (IllegalArgumentException dimensionNotIndexedYet) {
                // No article has a value for this dimension yet.
            }
            counts.put(dimension, values);
        }
        return counts;
    }
}
