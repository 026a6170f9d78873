package org.newsarchive.lucene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;

/**
 * The most recently used result pages, for the index snapshot they were computed on. News readers search in waves
 * (the same names and events, the same listings), and a page served from here costs microseconds instead of the
 * milliseconds of matching, counting facets and highlighting. An entry is only found for the same snapshot, so a
 * commit or refresh makes older entries unreachable; they then age out. Entries hold hits without article bodies,
 * a few tens of kilobytes each. Thread-safe.
 */
final class ResultCache {

    private record Key(IndexReader.CacheKey snapshot, SearchRequest request) {}

    private final int capacity;
    private final Map<Key, SearchResults> entries;

    /** @param capacity entries kept; 0 turns the cache off */
    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SearchResults> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The cached results, or null. */
    SearchResults get(IndexReader reader, SearchRequest request) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (capacity == 0 || helper == null) {
            return null;
        }
        synchronized (entries) {
            return entries.get(new Key(helper.getKey(), request));
        }
    }

    void put(IndexReader reader, SearchRequest request, SearchResults results) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (capacity == 0 || helper == null) {
            return;
        }
        synchronized (entries) {
            entries.put(new Key(helper.getKey(), request), results);
        }
    }
}
