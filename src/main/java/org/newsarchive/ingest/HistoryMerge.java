package org.newsarchive.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.Removal;

/**
 * Adds a batch's copies to their articles' histories and saves each history, from parallel threads: copies of one
 * article are merged one at a time, copies of others at once. The result does not depend on the order the copies
 * come in ({@link ArticleHistory#with}), so threads need no batch order.
 *
 * <p>A sink shows what was saved only after {@link ArticleSink#makeVisible} or {@link ArticleSink#commit}; until then
 * the histories this batch saved are held here, at most {@value #MAX_HELD} of them before the sink is asked to show
 * them. Showing them and committing wait for the merges under way and hold back new ones. Thread-safe; one instance
 * per batch.
 */
final class HistoryMerge {

    static final int MAX_HELD = 2_000;

    private final ArticleSink sink;
    private final boolean writes;
    private final ConcurrentHashMap<String, ArticleHistory> held = new ConcurrentHashMap<>();
    /** Per article merged, its versions before the batch and after its last merge so far. */
    private final ConcurrentHashMap<String, int[]> versionCounts = new ConcurrentHashMap<>();
    /** Merges share it; showing the held histories through the sink takes it alone. */
    private final ReadWriteLock showing = new ReentrantReadWriteLock();

    /** @param writes false for a dry run: merges are worked out and reported, nothing is saved */
    HistoryMerge(ArticleSink sink, boolean writes) {
        this.sink = sink;
        this.writes = writes;
    }

    /** Adds one copy to its article's history, saving the history when the copy changed it. */
    ArticleHistory.Change add(Article copy) {
        ArticleHistory.Change[] change = new ArticleHistory.Change[1];
        update(copy.id(), known -> {
            if (known == null) {
                change[0] = ArticleHistory.Change.NEW_ARTICLE;
                return ArticleHistory.of(copy);
            }
            ArticleHistory.Merge merge = known.with(copy);
            change[0] = merge.change();
            return merge.history();
        });
        return change[0];
    }

    /** Records that a mirror removed the file of the article with this id; false when no such article is kept. */
    boolean remove(String id, Removal removal) {
        boolean[] kept = new boolean[1];
        update(id, known -> {
            kept[0] = known != null;
            return known == null ? null : known.with(removal);
        });
        return kept[0];
    }

    private void update(String id, UnaryOperator<ArticleHistory> change) {
        showing.readLock().lock();
        try {
            held.compute(id, (key, heldHistory) -> {
                ArticleHistory before =
                        heldHistory != null ? heldHistory : sink.history(id).orElse(null);
                ArticleHistory after = change.apply(before);
                int[] counts = versionCounts.computeIfAbsent(id, unknown ->
                        new int[] {before == null ? 0 : before.versions().size(), 0});
                counts[1] = after == null ? counts[0] : after.versions().size();
                if (after != null && after != before && writes) {
                    sink.save(after);
                }
                return after;
            });
        } finally {
            showing.readLock().unlock();
        }
        if (held.size() > MAX_HELD) {
            showHeld();
        }
    }

    /** Per article merged in this batch, how many versions the batch added to it; call once the merges are done. */
    Map<String, Integer> versionsAdded() {
        Map<String, Integer> added = new HashMap<>();
        versionCounts.forEach((id, counts) -> added.put(id, counts[1] - counts[0]));
        return added;
    }

    /**
     * Commits the sink, which then shows every history saved, so none need be held. No merge runs meanwhile: a
     * history saved between the commit and forgetting the held ones would be forgotten while the sink does not yet
     * show it, and the next copy of its article would be merged into the history before it, losing a version.
     */
    void commit() {
        showing.writeLock().lock();
        try {
            sink.commit();
            held.clear();
        } finally {
            showing.writeLock().unlock();
        }
    }

    private void showHeld() {
        showing.writeLock().lock();
        try {
            if (held.size() > MAX_HELD) {
                // A dry run saves nothing to show: it forgets, and a copy seen again later in it counts as new.
                if (writes) {
                    sink.makeVisible();
                }
                held.clear();
            }
        } finally {
            showing.writeLock().unlock();
        }
    }
}
