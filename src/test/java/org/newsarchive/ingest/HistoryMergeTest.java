package org.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.article.MirrorPoint;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges of one batch against a real index, with the interleavings that lose versions made to happen on purpose.
 */
class HistoryMergeTest {

    private static final long GUARD_SECONDS = 120;
    private static final Instant START = Instant.parse("2022-03-01T00:00:00Z");

    @TempDir
    Path dataDir;

    /**
     * A copy merged by another thread while a commit is under way must wait for it: merged before the held
     * histories are forgotten, its history would be forgotten while the index does not show it yet, and the next
     * copy would be merged into the version before it.
     */
    @Test
    void aCopyMergedDuringACommitKeepsItsVersion() throws Exception {
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build())) {
            CommitWithAMergeInside sink = new CommitWithAMergeInside(index);
            HistoryMerge merge = new HistoryMerge(sink, true);
            sink.merge = merge;
            sink.duringCommit = copy(1);

            assertThat(merge.add(copy(0))).isEqualTo(ArticleHistory.Change.NEW_ARTICLE);
            merge.commit();
            assertThat(sink.mergeStartedDuringCommit)
                    .as("the second copy was merged during the commit")
                    .isTrue();
            assertThat(sink.mergeInside.get(GUARD_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(ArticleHistory.Change.NEW_VERSION);
            assertThat(merge.add(copy(2))).isEqualTo(ArticleHistory.Change.NEW_VERSION);
            merge.commit();

            assertThat(index.history(copy(0).id()).orElseThrow().versions()).hasSize(3);
        }
    }

    /** The index, with a second thread merging a copy while the first commit is finishing. */
    private static final class CommitWithAMergeInside implements ArticleSink {

        private final LuceneIndexWriter index;
        HistoryMerge merge;
        Article duringCommit;
        CompletableFuture<ArticleHistory.Change> mergeInside;
        boolean mergeStartedDuringCommit;

        CommitWithAMergeInside(LuceneIndexWriter index) {
            this.index = index;
        }

        /** Commits, then merges a copy on another thread before returning: before the held histories are forgotten. */
        @Override
        public void commit() {
            index.commit();
            if (mergeInside == null) {
                Thread[] merging = new Thread[1];
                mergeInside = new CompletableFuture<>();
                merging[0] = new Thread(() -> {
                    try {
                        mergeInside.complete(merge.add(duringCommit));
                    } catch (Throwable e) {
                        mergeInside.completeExceptionally(e);
                    }
                });
                merging[0].start();
                // Go on once the merge waits for this commit, or has run past it (the race this test guards).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
                while (merging[0].getState() != Thread.State.WAITING
                        && merging[0].getState() != Thread.State.TERMINATED
                        && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                mergeStartedDuringCommit = merging[0].getState() != Thread.State.NEW;
            }
        }

        @Override
        public Optional<ArticleHistory> history(String id) {
            return index.history(id);
        }

        @Override
        public void save(ArticleHistory history) {
            index.save(history);
        }

        @Override
        public void makeVisible() {
            index.makeVisible();
        }

        @Override
        public void deleteAll() {
            index.deleteAll();
        }
    }

    /** The {@code n}th rewrite of one article, mirrored a minute after the one before. */
    private static Article copy(int n) {
        String text =
                "---\ntitle: 同一篇报道\nsource_url: https://news.example.org/one.html\n---\n\n这篇报道的第" + n + "次改写，内容各不相同。\n";
        NormalizationResult result =
                new ArticleNormalizer().normalize(text.getBytes(StandardCharsets.UTF_8), "_posts/one.md", START);
        Article article = ((NormalizationResult.Normalized) result).article();
        MirrorPoint at = new MirrorPoint("mirror", "c" + n, START.plusSeconds(60L * n));
        return article.withProvenance(article.provenance().mirrored(at));
    }
}
