package org.newsarchive.version;

import java.util.Comparator;
import java.util.Objects;
import org.newsarchive.article.Article;
import org.newsarchive.article.Provenance;

/**
 * One copy of an article the archive was given: where and when it was held ({@link Provenance}) and which content
 * it held ({@link Article#contentKey}). A history keeps its sightings so that its versions can be worked out again,
 * in the same way, whatever order the copies arrive in.
 */
public record Sighting(Provenance provenance, String contentKey) {

    /** The order copies were held in: when a mirror held them, else when the archive read them, then path and hash. */
    public static final Comparator<Sighting> ORDER = Comparator.comparing(
                    (Sighting sighting) -> sighting.provenance().versionTime())
            .thenComparing(sighting -> sighting.provenance().ingestedAt())
            .thenComparing(sighting -> sighting.provenance().path())
            .thenComparing(sighting -> sighting.provenance().sha256());

    public Sighting {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(contentKey, "contentKey");
    }

    public static Sighting of(Article copy) {
        return new Sighting(copy.provenance(), copy.contentKey());
    }

    String path() {
        return provenance.path();
    }

    /** The same copy seen again: the same bytes at the same path, from the same commit at the same time. */
    boolean isSameCopy(Sighting other) {
        return provenance.path().equals(other.provenance.path())
                && provenance.sha256().equals(other.provenance.sha256())
                && Objects.equals(provenance.commit(), other.provenance.commit())
                && provenance.versionTime().equals(other.provenance.versionTime());
    }
}
