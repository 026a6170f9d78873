package org.newsarchive.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.newsarchive.article.Article;
import org.newsarchive.article.Provenance;

/**
 * Every version an article has had, oldest first, and the times a mirror removed its file: what the archive keeps
 * of one article, where a later copy with other content adds a version instead of replacing the text.
 *
 * <p>Versions are worked out from the history's {@link Sighting}s, the copies it was given, taken in
 * {@link Sighting#ORDER}: when a mirror held them, else when the archive read them, then by path and hash, so they
 * never depend on the order files were read in. A copy is a version when its content was never seen before (of two
 * copies of one content, the one held first is the version, so {@code mirroredAt} is when a mirror first held it),
 * or when its path held other content since it last held this one: a mirror that goes A → B → A has three versions,
 * the third {@linkplain #restores restoring} the first. Copies at other paths never make versions by alternating:
 * two paths holding an article's two contents at one commit are copies seen together. Versions are numbered from 1,
 * and the newest, the content of the latest change, is the article's current version. Immutable.
 *
 * @param sightings every copy kept: the versions' own and those that changed no version but a path's content
 */
public record ArticleHistory(List<Article> versions, List<Removal> removals, List<Sighting> sightings) {

    /** The order of an article's versions, oldest first. */
    public static final Comparator<Article> ORDER = Comparator.comparing(Sighting::of, Sighting.ORDER);

    /** What adding a copy did to a history. */
    public enum Change {
        /** The copy is the article's first version. */
        NEW_ARTICLE,
        /** The copy's content is new, or its path returned to it: it became a version. */
        NEW_VERSION,
        /** The history holds this very copy already, or its path held this content last, and nothing changed. */
        UNCHANGED,
        /** The history held this content from a later copy; the earlier copy took its place. */
        EARLIER_COPY,
        /** The copy made no version, but is kept as what its path held, for versions worked out later. */
        SEEN
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
        sightings = withVersionsOwn(Objects.requireNonNullElse(sightings, List.of()), versions);
    }

    /** A history whose only sightings are its versions' own. */
    public ArticleHistory(List<Article> versions, List<Removal> removals) {
        this(versions, removals, List.of());
    }

    /** The sightings with every version's own among them, each copy once, in their order. */
    private static List<Sighting> withVersionsOwn(List<Sighting> sightings, List<Article> versions) {
        List<Sighting> all = new ArrayList<>(sightings);
        for (Article version : versions) {
            Sighting own = Sighting.of(version);
            if (all.stream().noneMatch(own::isSameCopy)) {
                all.add(own);
            }
        }
        all.sort(Sighting.ORDER);
        return List.copyOf(all);
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
     * The version that version {@code number} restores: the latest version before it with the same content, when
     * its path returned to that content; empty for a version whose content was new.
     */
    public OptionalInt restores(int number) {
        Optional<Article> restoring = version(number);
        if (restoring.isEmpty()) {
            return OptionalInt.empty();
        }
        String content = restoring.get().contentKey();
        for (int earlier = number - 1; earlier >= 1; earlier--) {
            if (versions.get(earlier - 1).contentKey().equals(content)) {
                return OptionalInt.of(earlier);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The sightings that are no version's own: what an engine stores besides the versions, so that the history can
     * be worked out again when a copy arrives later.
     */
    public List<Sighting> otherSightings() {
        return sightings.stream()
                .filter(sighting -> versions.stream()
                        .noneMatch(version -> Sighting.of(version).isSameCopy(sighting)))
                .toList();
    }

    /**
     * This history with one more copy of the article. The copy is unchanged when this very copy was given before,
     * or when it was read outside a mirror after its path last held the same content (an ingest run again);
     * otherwise it joins the sightings and the versions are worked out again ({@link ArticleHistory}).
     */
    public Merge with(Article copy) {
        if (!copy.id().equals(id())) {
            throw new IllegalArgumentException("a copy of " + copy.id() + " is no version of " + id());
        }
        Sighting seen = Sighting.of(copy);
        if (isKnown(seen)) {
            return new Merge(this, Change.UNCHANGED);
        }
        List<Sighting> all = new ArrayList<>(sightings);
        all.add(seen);
        all.sort(Sighting.ORDER);
        List<Article> derived = versionsOf(all, copy);
        ArticleHistory next = new ArticleHistory(derived, removals, all);
        Change change;
        if (next.versions.size() > versions.size()) {
            change = Change.NEW_VERSION;
        } else if (provenances(next.versions).equals(provenances(versions))) {
            change = Change.SEEN;
        } else {
            change = Change.EARLIER_COPY;
        }
        return new Merge(next, change);
    }

    private boolean isKnown(Sighting seen) {
        Sighting latestOfPath = null;
        for (Sighting sighting : sightings) {
            if (sighting.isSameCopy(seen)) {
                return true;
            }
            String commit = seen.provenance().commit();
            if (commit != null
                    && sighting.path().equals(seen.path())
                    && commit.equals(sighting.provenance().commit())) {
                return true;
            }
            if (sighting.path().equals(seen.path())) {
                latestOfPath = sighting;
            }
        }
        return seen.provenance().commit() == null
                && latestOfPath != null
                && latestOfPath.contentKey().equals(seen.contentKey())
                && Sighting.ORDER.compare(seen, latestOfPath) > 0;
    }

    /**
     * The versions the sightings make, in order: each new content, and each return of a path to a content it held
     * before another. A version is the article as given by its own copy, or, for a copy kept only as a sighting, the
     * article of its content at that copy's provenance.
     */
    private List<Article> versionsOf(List<Sighting> ordered, Article copy) {
        Map<Provenance, Article> given = new HashMap<>();
        Map<String, Article> byContent = new HashMap<>();
        for (Article version : versions) {
            given.put(version.provenance(), version);
            byContent.putIfAbsent(version.contentKey(), version);
        }
        given.put(copy.provenance(), copy);
        byContent.putIfAbsent(copy.contentKey(), copy);
        Set<String> contents = new HashSet<>();
        Map<String, String> lastOfPath = new HashMap<>();
        Map<String, Set<String>> heldByPath = new HashMap<>();
        List<Article> derived = new ArrayList<>();
        for (Sighting sighting : ordered) {
            String content = sighting.contentKey();
            Set<String> held = heldByPath.computeIfAbsent(sighting.path(), path -> new HashSet<>());
            String last = lastOfPath.put(sighting.path(), content);
            boolean isNew = contents.add(content);
            boolean returns = !isNew && last != null && !last.equals(content) && held.contains(content);
            held.add(content);
            if (isNew || returns) {
                Article own = given.get(sighting.provenance());
                derived.add(own != null ? own : byContent.get(content).withProvenance(sighting.provenance()));
            }
        }
        return derived;
    }

    private static List<Provenance> provenances(List<Article> versions) {
        return versions.stream().map(Article::provenance).toList();
    }

    /** This history with one more removal; the same removal twice is recorded once. */
    public ArticleHistory with(Removal removal) {
        if (removals.contains(removal)) {
            return this;
        }
        List<Removal> added = new ArrayList<>(removals);
        added.add(removal);
        added.sort(Comparator.comparing(Removal::removedAt));
        return new ArticleHistory(versions, added, sightings);
    }
}
