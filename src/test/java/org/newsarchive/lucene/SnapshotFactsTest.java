package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.FacetCount;

/**
 * The facts of one snapshot are read by every search thread at once: a refresh makes all of them ask for the
 * new snapshot's counts together. Lucene's facet counts look labels up through one doc-values iterator, so the
 * facts must give each thread whole, correct labels however the threads interleave.
 */
class SnapshotFactsTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 40;
    private static final List<String> COUNTED =
            List.of(IndexFields.PUBLISHER, IndexFields.CHANNEL, IndexFields.TAG, IndexFields.CATEGORY);

    @TempDir
    Path work;

    @Test
    void threadsAskingForTheSameNewSnapshotAllReadItsTrueCounts() throws Exception {
        FacetsConfig config = LuceneFacets.config();
        try (FSDirectory directory = FSDirectory.open(work)) {
            write(directory, config);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                SnapshotFacts alone = new SnapshotFacts.Latest(config).of(reader);
                Map<String, List<FacetCount>> expectedTop = alone.topValues();
                Map<String, List<FacetCount>> expectedAll = new LinkedHashMap<>();
                COUNTED.forEach(dimension -> expectedAll.put(dimension, alone.allValues(dimension)));
                assertThat(expectedAll.get(IndexFields.TAG)).hasSize(3_000);

                ExecutorService threads = Executors.newFixedThreadPool(THREADS);
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        SnapshotFacts shared = new SnapshotFacts.Latest(config).of(reader);
                        CyclicBarrier start = new CyclicBarrier(THREADS);
                        List<Future<Object>> answers = new ArrayList<>();
                        for (int t = 0; t < THREADS; t++) {
                            int thread = t;
                            answers.add(threads.submit(() -> {
                                start.await();
                                return thread % 2 == 0
                                        ? shared.topValues()
                                        : shared.allValues(COUNTED.get(thread / 2 % COUNTED.size()));
                            }));
                        }
                        for (int t = 0; t < THREADS; t++) {
                            Object answer = answers.get(t).get(1, TimeUnit.MINUTES);
                            Object expected =
                                    t % 2 == 0 ? expectedTop : expectedAll.get(COUNTED.get(t / 2 % COUNTED.size()));
                            assertThat(answer)
                                    .as("round %d, thread %d", round, t)
                                    .isEqualTo(expected);
                        }
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
        }
    }

    /** Writes three segments of documents with thousands of distinct long labels, so that lookups take a while. */
    private static void write(FSDirectory directory, FacetsConfig config) throws Exception {
        Random random = new Random(20261206);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int doc = 0; doc < 6_000; doc++) {
                Document document = new Document();
                document.add(
                        new SortedSetDocValuesFacetField(IndexFields.PUBLISHER, label("出版者", random.nextInt(500))));
                document.add(new SortedSetDocValuesFacetField(IndexFields.CHANNEL, label("频道", random.nextInt(200))));
                document.add(new SortedSetDocValuesFacetField(IndexFields.TAG, label("标签", doc % 3_000)));
                document.add(
                        new SortedSetDocValuesFacetField(IndexFields.CATEGORY, label("分类", random.nextInt(1_000))));
                writer.addDocument(config.build(document));
                if (doc % 2_000 == 1_999) {
                    writer.commit();
                }
            }
        }
    }

    private static String label(String kind, int number) {
        return kind + "・" + "新闻档案馆".repeat(1 + number % 7) + number;
    }
}
