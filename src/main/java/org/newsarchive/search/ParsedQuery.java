package org.newsarchive.search;

import java.util.List;

/**
 * A query broken into clauses.
 *
 * @param groups clauses that must all hold; the clauses inside one group are alternatives joined by {@code OR}
 * @param exclusions clauses that must not hold
 * @param syntaxError true when the text was not valid syntax and was read as plain terms instead
 */
record ParsedQuery(List<List<Clause>> groups, List<Clause> exclusions, boolean syntaxError) {

    /** One term or phrase, optionally limited to a field. */
    record Clause(String field, String text, boolean phrase) {}

    ParsedQuery {
        groups = groups.stream().map(List::copyOf).toList();
        exclusions = List.copyOf(exclusions);
    }

    boolean isEmpty() {
        return groups.isEmpty() && exclusions.isEmpty();
    }

    int termCount() {
        return groups.stream().mapToInt(List::size).sum();
    }
}
