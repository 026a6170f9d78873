package org.newsarchive.lucene;

import org.apache.lucene.facet.FacetsConfig;
import org.newsarchive.schema.IndexFields;

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
}
