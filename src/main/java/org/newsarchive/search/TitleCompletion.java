package org.newsarchive.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of {@link SearchService#suggest} that do not depend on the engine: how much typed text counts, how many
 * titles are returned, and that titles starting with the text come before titles containing it, each title once.
 * Each instance collects one answer; not thread-safe.
 */
public final class TitleCompletion {

    /** Most titles {@link SearchService#suggest} returns. */
    public static final int MAX_SUGGESTIONS = 20;
    /** Typed text beyond this many characters is ignored. */
    public static final int MAX_TYPED = 100;

    private final String typed;
    private final int limit;
    private final Set<String> titles = new LinkedHashSet<>();

    /** Starts an answer for what a reader typed and the number of titles asked for (clamped to 1 to the maximum). */
    public TitleCompletion(String typed, int size) {
        this.typed = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        this.limit = Math.max(1, Math.min(size, MAX_SUGGESTIONS));
    }

    /** The typed text that counts. */
    public String typed() {
        return typed;
    }

    /** How many titles to ask an engine for at most, so that repeated titles still leave enough. */
    public int candidates() {
        return limit * 2;
    }

    /** Adds a title found; false once the answer is full. */
    public boolean add(String title) {
        if (title != null && titles.size() < limit) {
            titles.add(title);
        }
        return titles.size() < limit;
    }

    public boolean isFull() {
        return titles.size() >= limit;
    }

    public List<String> titles() {
        return new ArrayList<>(titles);
    }
}
