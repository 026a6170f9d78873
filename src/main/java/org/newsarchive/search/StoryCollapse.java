package org.newsarchive.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Shows each story once, the rule both engines follow: among ranked matches, copies of one story (articles of one
 * near-duplicate cluster) count as one, at the rank of the best copy. An article without a cluster is a story of its
 * own. Works on any engine's ranked matches, given how to read a match's cluster. Stateless and thread-safe.
 */
public final class StoryCollapse {

    /** Related articles are chosen among this many candidates per article asked for, so that copies can be skipped. */
    public static final int RELATED_CANDIDATES_PER_ARTICLE = 3;

    private StoryCollapse() {}

    /**
     * One page of stories from the ranked matches.
     *
     * @param ranked matches, best first
     * @param cluster the cluster of a match, or null
     * @param page page number from 1
     * @param size stories per page
     */
    public static <T> List<T> page(List<T> ranked, Function<T, String> cluster, int page, int size) {
        List<T> stories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (T match : ranked) {
            String story = cluster.apply(match);
            if (story == null || seen.add(story)) {
                stories.add(match);
            }
        }
        int from = Math.min(stories.size(), (page - 1) * size);
        return stories.subList(from, Math.min(stories.size(), from + size));
    }

    /**
     * The first {@code size} candidates that are neither copies of the article they are related to nor copies of
     * each other.
     *
     * @param ownCluster the cluster of the article they are related to, or null
     */
    public static <T> List<T> related(List<T> candidates, Function<T, String> cluster, String ownCluster, int size) {
        List<T> related = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (ownCluster != null) {
            seen.add(ownCluster);
        }
        for (T candidate : candidates) {
            String story = cluster.apply(candidate);
            if (story == null || seen.add(story)) {
                related.add(candidate);
                if (related.size() == size) {
                    break;
                }
            }
        }
        return related;
    }
}
