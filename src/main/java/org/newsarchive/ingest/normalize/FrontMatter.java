package org.newsarchive.ingest.normalize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML front matter of a post, read leniently: every scalar is kept as a string (dates are interpreted later,
 * where the publisher's time zone is known), and lists may be written in flow or block style or as one string.
 */
record FrontMatter(Map<String, Object> fields) {

    static final FrontMatter NONE = new FrontMatter(Map.of());

    FrontMatter {
        Map<String, Object> lowerCased = new LinkedHashMap<>();
        fields.forEach(
                (key, value) -> lowerCased.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value));
        fields = Collections.unmodifiableMap(lowerCased);
    }

    boolean isPresent() {
        return !fields.isEmpty();
    }

    /** The first non-blank string among the given keys, trimmed, or null. */
    String text(String... keys) {
        for (String key : keys) {
            Object value = fields.get(key);
            if (value instanceof Collection<?> list) {
                value = list.isEmpty() ? null : list.iterator().next();
            }
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value).strip();
            }
        }
        return null;
    }

    /** The values under the first present key, as a list of non-blank strings. A plain string is split on commas. */
    List<String> list(String... keys) {
        for (String key : keys) {
            Object value = fields.get(key);
            if (value == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (value instanceof Collection<?> collection) {
                collection.forEach(item -> addIfPresent(values, item));
            } else {
                for (String part : String.valueOf(value).split("[,，、]")) {
                    addIfPresent(values, part);
                }
            }
            return values;
        }
        return List.of();
    }

    private static void addIfPresent(List<String> values, Object item) {
        if (item != null && !String.valueOf(item).isBlank()) {
            values.add(String.valueOf(item).strip());
        }
    }
}
