package org.newsarchive.query;

import java.util.List;

/**
 * A query broken into clauses.
 *
 * @param groups clauses that must all hold; the clauses inside one group are alternatives joined by {@code OR}
 * @param exclusions clauses that must not hold
 * @param syntaxError true when the text was not valid syntax and was read as plain terms instead
 */
public record ParsedQuery(List<List<Clause>> groups, List<Clause> exclusions, boolean syntaxError) {

    /** One term or phrase, optionally limited to a field. */
    public record Clause(String field, String text, boolean phrase) {}

    public ParsedQuery {
        groups = groups.stream().map(List::copyOf).toList();
        exclusions = List.copyOf(exclusions);
    }

    public boolean isEmpty() {
        return groups.isEmpty() && exclusions.isEmpty();
    }

    public int termCount() {
        return groups.stream().mapToInt(List::size).sum();
    }
}
