package org.newsarchive.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups copies of the same story: the same article mirrored under two paths or by two sources, with small edits.
 *
 * <p>Each article's folded text gets a 64-bit SimHash over character 4-grams; two texts within
 * {@value #MAX_DISTANCE} bits of each other are copies. Candidates are found by locality-sensitive hashing: the hash
 * is split into four 16-bit bands, and two hashes within 3 bits must agree on at least one band. Every article gets
 * the cluster id of the first copy indexed, or its own id. The band table lives in memory (about 40 bytes per
 * article) and is loaded by each engine from its index when it opens. Thread-safe.
 */
public final class NearDuplicates {

    static final int MAX_DISTANCE = 3;
    private static final int BANDS = 4;
    private static final int SHINGLE = 4;
    private static final int MIN_CHARS = 40;

    private record Entry(long simhash, String cluster) {}

    private final Map<Long, List<Entry>> bands = new HashMap<>();

    /** The cluster for an article with this id and text hash; registers it. */
    public synchronized String clusterFor(String id, long simhash) {
        if (simhash == 0) {
            return id;
        }
        for (int band = 0; band < BANDS; band++) {
            for (Entry candidate : bands.getOrDefault(bandKey(band, simhash), List.of())) {
                if (Long.bitCount(candidate.simhash() ^ simhash) <= MAX_DISTANCE) {
                    register(simhash, candidate.cluster());
                    return candidate.cluster();
                }
            }
        }
        register(simhash, id);
        return id;
    }

    /** Forgets every article, before the index is rebuilt. */
    public synchronized void clear() {
        bands.clear();
    }

    /** Registers an article already indexed with this hash and cluster, when an engine's index is opened. */
    public synchronized void registerIndexed(long simhash, String cluster) {
        if (simhash != 0) {
            register(simhash, cluster);
        }
    }

    private void register(long simhash, String cluster) {
        Entry entry = new Entry(simhash, cluster);
        for (int band = 0; band < BANDS; band++) {
            bands.computeIfAbsent(bandKey(band, simhash), key -> new ArrayList<>(1))
                    .add(entry);
        }
    }

    private static long bandKey(int band, long simhash) {
        return ((long) band << 16) | ((simhash >>> (band * 16)) & 0xFFFF);
    }

    /** SimHash of the folded text's letters and digits; 0 for texts too short to compare. */
    static long simhash(String folded) {
        StringBuilder compact = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(compact::appendCodePoint);
        if (compact.length() < MIN_CHARS) {
            return 0;
        }
        int[] weights = new int[64];
        for (int i = 0; i + SHINGLE <= compact.length(); i++) {
            long hash = hash(compact, i, i + SHINGLE);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash == 0 ? 1 : simhash;
    }

    /** FNV-1a over the chars, finished with a 64-bit mix so that nearby shingles spread over all bits. */
    private static long hash(CharSequence text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
