package org.newsarchive.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the archive's query syntax, leniently.
 *
 * <p>Whitespace-separated terms are all required; {@code "…"} is an exact phrase; {@code -term} and
 * {@code -"phrase"} exclude; {@code OR} between two clauses makes them alternatives; {@code title:}, {@code author:},
 * {@code publisher:}, {@code tag:} and {@code site:} limit a term or phrase to a field. Wildcards are not supported
 * and are read as separators. Broken syntax (an unclosed quote, a dangling {@code OR} or field) never fails: the text
 * is read as plain terms and the result says so. Stateless and thread-safe.
 */
public final class QuerySyntax {

    static final Set<String> FIELDS = Set.of("title", "author", "publisher", "tag", "site");
    static final int MAX_CLAUSES = 32;
    private static final String OR = "OR";

    private QuerySyntax() {}

    public static ParsedQuery parse(String text) {
        String query = text == null ? "" : text.replace('\u3000', ' ').strip();
        try {
            return parseStrict(query);
        } catch (SyntaxError error) {
            return plainTerms(query);
        }
    }

    private static final class SyntaxError extends Exception {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private static ParsedQuery parseStrict(String query) throws SyntaxError {
        List<List<ParsedQuery.Clause>> groups = new ArrayList<>();
        List<ParsedQuery.Clause> exclusions = new ArrayList<>();
        boolean pendingOr = false;
        int position = 0;
        int clauses = 0;
        while (position < query.length()) {
            char c = query.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
                continue;
            }
            int end = tokenEnd(query, position);
            String token = query.substring(position, end);
            position = end;
            if (token.equals(OR)) {
                if (groups.isEmpty() || pendingOr) {
                    throw new SyntaxError();
                }
                pendingOr = true;
                continue;
            }
            boolean negated = token.startsWith("-") && token.length() > 1;
            ParsedQuery.Clause clause = clause(negated ? token.substring(1) : token);
            if (clause == null) {
                continue;
            }
            if (++clauses > MAX_CLAUSES) {
                break;
            }
            if (negated) {
                if (pendingOr) {
                    throw new SyntaxError();
                }
                exclusions.add(clause);
            } else if (pendingOr) {
                groups.get(groups.size() - 1).add(clause);
                pendingOr = false;
            } else {
                groups.add(new ArrayList<>(List.of(clause)));
            }
        }
        if (pendingOr) {
            throw new SyntaxError();
        }
        return new ParsedQuery(groups, exclusions, false);
    }

    /** A token runs to the next whitespace outside quotes; an unclosed quote is a syntax error. */
    private static int tokenEnd(String query, int start) throws SyntaxError {
        int position = start;
        boolean quoted = false;
        while (position < query.length()) {
            char c = query.charAt(position);
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                break;
            }
            position++;
        }
        if (quoted) {
            throw new SyntaxError();
        }
        return position;
    }

    private static ParsedQuery.Clause clause(String token) throws SyntaxError {
        String field = null;
        String value = token;
        int colon = token.indexOf(':');
        if (colon > 0 && !token.startsWith("\"")) {
            String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
            if (FIELDS.contains(name)) {
                field = name;
                value = token.substring(colon + 1);
                if (value.isEmpty()) {
                    throw new SyntaxError();
                }
            }
        }
        boolean phrase = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        if (phrase) {
            value = value.substring(1, value.length() - 1);
        } else if (value.contains("\"")) {
            throw new SyntaxError();
        }
        value = stripWildcards(value);
        return value.isBlank() ? null : new ParsedQuery.Clause(field, value.strip(), phrase);
    }

    private static String stripWildcards(String value) {
        return value.replace('*', ' ').replace('?', ' ').replace('\\', ' ');
    }

    /** The fallback reading: every word a required plain term, operators and quotes ignored. */
    private static ParsedQuery plainTerms(String query) {
        List<List<ParsedQuery.Clause>> groups = new ArrayList<>();
        for (String word : stripWildcards(query.replace('"', ' ')).split("\\s+")) {
            String term = word.startsWith("-") ? word.substring(1) : word;
            if (!term.isBlank() && !term.equals(OR) && groups.size() < MAX_CLAUSES) {
                groups.add(List.of(new ParsedQuery.Clause(null, term, false)));
            }
        }
        return new ParsedQuery(groups, List.of(), true);
    }
}
