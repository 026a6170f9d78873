package org.newsarchive.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.ArchiveOverview;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchService;

/**
 * What depends on one index snapshot alone, worked out at most once per snapshot: the facet ordinal state that
 * every facet count needs (building it walks every facet value), the counts of every facet value over the whole
 * archive, the archive's overview and index size, the size of every story cluster, and the related articles of
 * the articles read. A snapshot never changes, so none of these can go stale; a refresh brings a
 * new snapshot and new facts. The home, about, browse and statistics pages read only these, so they cost no
 * counting per request. Thread-safe: values are computed lazily, perhaps twice by racing threads, always alike.
 * Lucene's whole-snapshot {@link Facets} look labels up through one doc-values iterator of their own, so they are
 * read under {@link #countsLock}, one thread at a time; what they give is kept, so each is read once per snapshot.
 */
final class SnapshotFacts {

    private final IndexReader.CacheKey key;
    private final SortedSetDocValuesReaderState facetState;
    /** Guards {@link #allCounts}, whose label lookups share one iterator and are not safe across threads. */
    private final Object countsLock = new Object();

    private Facets allCounts;
    private final ConcurrentMap<String, List<FacetCount>> allValues = new ConcurrentHashMap<>();
    private volatile Map<String, List<FacetCount>> topValues;
    private volatile ArchiveOverview overview;
    private final Map<String, int[]> relatedDocs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > RELATED_KEPT;
        }
    };

    /** Articles whose related documents are kept; each entry is a few ids, so this stays under a megabyte. */
    private static final int RELATED_KEPT = 10_000;

    private SnapshotFacts(IndexReader.CacheKey key, SortedSetDocValuesReaderState facetState) {
        this.key = key;
        this.facetState = facetState;
    }

    /** The facet ordinal state of the snapshot, or null when no article has facet values yet. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** Every value of {@code dimension} in the snapshot, most frequent first. */
    List<FacetCount> allValues(String dimension) {
        return allValues.computeIfAbsent(dimension, this::countAll);
    }

    /**
     * The top {@link SearchService#FACET_VALUES} values of every dimension over the whole snapshot, as a search
     * without query or filters reports them.
     */
    Map<String, List<FacetCount>> topValues() {
        Map<String, List<FacetCount>> top = topValues;
        if (top == null) {
            synchronized (countsLock) {
                top = topValues;
                if (top == null) {
                    try {
                        top = facetState == null ? Map.of() : LuceneFacets.topCounts(counts(), FacetOptions.DEFAULT);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot count facets", e);
                    }
                    topValues = top;
                }
            }
        }
        return top;
    }

    /** The values {@code options} asks for of every dimension over the whole snapshot, from the cached counts. */
    Map<String, List<FacetCount>> topValues(FacetOptions options) {
        if (options.equals(FacetOptions.DEFAULT) || facetState == null) {
            return topValues();
        }
        Map<String, List<FacetCount>> top = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            top.put(dimension, options.apply(allValues(dimension)));
        }
        return top;
    }

    private volatile long sizeInBytes = -1;
    private volatile Map<String, Integer> sharedClusterSizes;

    /**
     * For each cluster id (null for none), how many articles of the snapshot share it; worked out for the whole
     * snapshot the first time, so that no result page counts copies with a search.
     */
    int[] copyCounts(IndexSearcher searcher, String[] clusters) throws IOException {
        Map<String, Integer> sizes = sharedClusterSizes;
        if (sizes == null) {
            sizes = StoryClusters.sharedClusterSizes(searcher);
            sharedClusterSizes = sizes;
        }
        int[] copies = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            copies[i] = clusters[i] == null ? 1 : sizes.getOrDefault(clusters[i], 1);
        }
        return copies;
    }

    long sizeInBytes(LongSupplier measure) {
        long known = sizeInBytes;
        if (known < 0) {
            known = measure.getAsLong();
            sizeInBytes = known;
        }
        return known;
    }

    ArchiveOverview overview(Supplier<ArchiveOverview> compute) {
        ArchiveOverview known = overview;
        if (known == null) {
            known = compute.get();
            overview = known;
        }
        return known;
    }

    /**
     * The related documents of an article in this snapshot, found with {@code find} the first time they are asked
     * for: a reader's view of an article page then costs no more-like-this search.
     */
    int[] relatedDocs(String id, int size, IntArrayFinder find) throws IOException {
        String key = id + '/' + size;
        int[] known;
        synchronized (relatedDocs) {
            known = relatedDocs.get(key);
        }
        if (known == null) {
            known = find.find();
            synchronized (relatedDocs) {
                relatedDocs.put(key, known);
            }
        }
        return known;
    }

    /** Finds document ids. */
    @FunctionalInterface
    interface IntArrayFinder {
        int[] find() throws IOException;
    }

    private List<FacetCount> countAll(String dimension) {
        if (facetState == null || facetState.getOrdRange(dimension) == null) {
            return List.of();
        }
        try {
            FacetResult all;
            synchronized (countsLock) {
                all = counts().getAllChildren(dimension);
            }
            if (all == null) {
                return List.of();
            }
            return Arrays.stream(all.labelValues)
                    .map(label -> new FacetCount(label.label, label.value.longValue()))
                    .sorted(FacetCount.MOST_FREQUENT_FIRST)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count " + dimension, e);
        }
    }

    /** The counts of every facet value over the snapshot, counted the first time. Call under {@link #countsLock}. */
    private Facets counts() throws IOException {
        if (allCounts == null) {
            allCounts = new SortedSetDocValuesFacetCounts(facetState);
        }
        return allCounts;
    }

    /** The facts of the newest snapshot asked for, kept until a newer one is asked for. Thread-safe. */
    static final class Latest {

        private final FacetsConfig config;
        private volatile SnapshotFacts latest;

        Latest(FacetsConfig config) {
            this.config = config;
        }

        /** The facts of {@code reader}'s snapshot. */
        SnapshotFacts of(IndexReader reader) {
            IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
            SnapshotFacts current = latest;
            if (helper != null && current != null && current.key == helper.getKey()) {
                return current;
            }
            SnapshotFacts facts = new SnapshotFacts(helper == null ? null : helper.getKey(), state(reader));
            if (helper != null) {
                latest = facts;
            }
            return facts;
        }

        private SortedSetDocValuesReaderState state(IndexReader reader) {
            try {
                return new DefaultSortedSetDocValuesReaderState(reader, config);
            } catch (IllegalArgumentException noFacetFieldYet) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the facets of the index", e);
            }
        }
    }
}
