package org.newsarchive.lucene;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/**
 * Caches the facet ordinal state of the current reader: building it walks every facet value, so it is built once per
 * index refresh, not once per search. Thread-safe.
 */
final class FacetStates {

    private record Cached(IndexReader.CacheKey key, SortedSetDocValuesReaderState state) {}

    private volatile Cached cached;

    /** The state for {@code reader}, or null when no article has facet values yet. */
    SortedSetDocValuesReaderState forReader(IndexReader reader, FacetsConfig config) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Cached current = cached;
        if (helper != null && current != null && current.key() == helper.getKey()) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException noFacetFieldYet) {
            return null;
        }
        if (helper != null) {
            cached = new Cached(helper.getKey(), state);
        }
        return state;
    }
}
