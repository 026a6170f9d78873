package org.newsarchive.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.newsarchive.article.Article;
import org.newsarchive.article.Provenance;

/**
 * Every version an article has had, oldest first, and the times a mirror removed its file: what the archive keeps
 * of one article, where a later copy with other content adds a version instead of replacing the text.
 *
 * <p>Versions are ordered by {@link #ORDER}: when a mirror held them, else when the archive read them, then by path
 * and hash, so the order never depends on the order files were read in. Each content is kept once (its
 * {@link Article#contentKey}): of two copies of one content, the one mirrored first stays, so {@code mirroredAt} is
 * when a mirror first held the version. Versions are numbered from 1 in that order, and the newest is the article's
 * current version. Immutable.
 */
public record ArticleHistory(List<Article> versions, List<Removal> removals) {

    /** The order of an article's versions, oldest first. */
    public static final Comparator<Article> ORDER = Comparator.<Article, Provenance>comparing(
                    Article::provenance, Comparator.comparing(Provenance::versionTime))
            .thenComparing(article -> article.provenance().ingestedAt())
            .thenComparing(article -> article.provenance().path())
            .thenComparing(article -> article.provenance().sha256());

    /** What adding a copy did to a history. */
    public enum Change {
        /** The copy is the article's first version. */
        NEW_ARTICLE,
        /** The copy's content is new: it became a version. */
        NEW_VERSION,
        /** The history holds this content already (or these very bytes), and nothing changed. */
        UNCHANGED,
        /** The history held this content from a later copy; the earlier copy took its place. */
        EARLIER_COPY
    }

    /** A history after adding a copy, and what the copy changed. */
    public record Merge(ArticleHistory history, Change change) {}

    public ArticleHistory {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an article has at least one version");
        }
        String id = versions.get(0).id();
        List<Article> sorted = new ArrayList<>(versions);
        sorted.sort(ORDER);
        List<Article> numbered = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Article version = sorted.get(i);
            if (!version.id().equals(id)) {
                throw new IllegalArgumentException("versions of " + id + " include article " + version.id());
            }
            numbered.add(
                    version.version() == i + 1 && version.versionCount() == sorted.size()
                            ? version
                            : version.numbered(i + 1, sorted.size()));
        }
        versions = List.copyOf(numbered);
        removals = List.copyOf(Objects.requireNonNullElse(removals, List.of()));
    }

    /** The history of an article seen once. */
    public static ArticleHistory of(Article article) {
        return new ArticleHistory(List.of(article), List.of());
    }

    public String id() {
        return versions.get(0).id();
    }

    /** The newest version: the one the archive shows, lists and counts. */
    public Article current() {
        return versions.get(versions.size() - 1);
    }

    /** The versions before the current one, oldest first. */
    public List<Article> earlier() {
        return versions.subList(0, versions.size() - 1);
    }

    /** Version {@code number}, counted from 1; empty when there is none. */
    public Optional<Article> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /**
     * This history with one more copy of the article: a new version when its content is new; unchanged when these
     * bytes or this content are here already, unless this copy was mirrored before the one kept.
     */
    public Merge with(Article copy) {
        if (!copy.id().equals(id())) {
            throw new IllegalArgumentException("a copy of " + copy.id() + " is no version of " + id());
        }
        String key = copy.contentKey();
        for (int i = 0; i < versions.size(); i++) {
            Article kept = versions.get(i);
            boolean sameBytes =
                    kept.provenance().sha256().equals(copy.provenance().sha256());
            if (sameBytes || kept.contentKey().equals(key)) {
                if (ORDER.compare(copy, kept) >= 0) {
                    return new Merge(this, Change.UNCHANGED);
                }
                List<Article> replaced = new ArrayList<>(versions);
                replaced.set(i, copy);
                return new Merge(new ArticleHistory(replaced, removals), Change.EARLIER_COPY);
            }
        }
        List<Article> added = new ArrayList<>(versions);
        added.add(copy);
        return new Merge(new ArticleHistory(added, removals), Change.NEW_VERSION);
    }

    /** This history with one more removal; the same removal twice is recorded once. */
    public ArticleHistory with(Removal removal) {
        if (removals.contains(removal)) {
            return this;
        }
        List<Removal> added = new ArrayList<>(removals);
        added.add(removal);
        added.sort(Comparator.comparing(Removal::removedAt));
        return new ArticleHistory(versions, added);
    }
}
