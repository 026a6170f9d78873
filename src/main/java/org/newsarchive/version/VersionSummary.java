package org.newsarchive.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a version changed from the one before, in one line: how a list of versions says what each one is.
 *
 * @param fields the names of the fields that changed, in the record's order
 * @param paragraphsChanged paragraphs edited in place
 * @param paragraphsAdded paragraphs new in this version
 * @param paragraphsRemoved paragraphs this version no longer has
 * @param sameTextOtherScript whether the text changed only in script, width or case
 * @param restores the earlier version whose content this one restores ({@link ArticleHistory#restores}), or null
 */
public record VersionSummary(
        boolean first,
        List<String> fields,
        long paragraphsChanged,
        long paragraphsAdded,
        long paragraphsRemoved,
        boolean sameTextOtherScript,
        Integer restores) {

    public VersionSummary {
        fields = List.copyOf(fields);
    }

    /** The summary of version {@code number} of a history, counted from 1. */
    public static VersionSummary of(ArticleHistory history, int number) {
        if (number <= 1) {
            return new VersionSummary(true, List.of(), 0, 0, 0, false, null);
        }
        VersionDiff diff = VersionDiff.between(
                history.version(number - 1).orElseThrow(),
                history.version(number).orElseThrow());
        return new VersionSummary(
                false,
                diff.fields().stream().map(VersionDiff.FieldChange::field).toList(),
                diff.count(VersionDiff.Kind.CHANGED),
                diff.count(VersionDiff.Kind.ADDED),
                diff.count(VersionDiff.Kind.REMOVED),
                diff.sameTextOtherScript(),
                history.restores(number).isPresent() ? history.restores(number).getAsInt() : null);
    }

    /**
     * In English, for the API: "first version", or such as "title changed; 2 paragraphs changed, 1 added", or
     * "restores version 1; 2 paragraphs changed".
     */
    public String line() {
        if (first) {
            return "first version";
        }
        List<String> parts = new ArrayList<>();
        if (restores != null) {
            parts.add("restores version " + restores);
        }
        List<String> text = new ArrayList<>();
        if (paragraphsChanged > 0) {
            text.add(paragraphs(paragraphsChanged) + " changed");
        }
        if (paragraphsAdded > 0) {
            text.add((text.isEmpty() ? paragraphs(paragraphsAdded) + " " : paragraphsAdded + " ") + "added");
        }
        if (paragraphsRemoved > 0) {
            text.add((text.isEmpty() ? paragraphs(paragraphsRemoved) + " " : paragraphsRemoved + " ") + "removed");
        }
        if (!text.isEmpty()) {
            parts.add(String.join(", ", text));
        } else if (sameTextOtherScript) {
            parts.add("same text in other characters");
        }
        if (!fields.isEmpty()) {
            parts.add(String.join(", ", fields) + " changed");
        }
        return parts.isEmpty() ? "no visible change" : String.join("; ", parts);
    }

    private static String paragraphs(long count) {
        return String.format(Locale.ROOT, "%d paragraph%s", count, count == 1 ? "" : "s");
    }
}
