package org.newsarchive.representation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsarchive.request.InvalidParameterException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which fields of {@link ArticleRecord} a response carries, as a script asks with {@code fields=id,title,text}: the
 * way Elasticsearch's {@code _source} filtering and Typesense's {@code include_fields} slim a response. Fields left
 * out are absent, never null. Immutable and thread-safe.
 *
 * @param names field names of {@link ArticleRecord}, in the record's order
 */
public record RecordFields(Set<String> names) {

    /** Every field name of {@link ArticleRecord}, in its order. */
    public static final List<String> ALL = Arrays.stream(ArticleRecord.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    /** What a list of articles needs to show and link each one: no text, HTML, images or provenance. */
    public static final RecordFields SLIM = new RecordFields(Set.of(
            "id",
            "title",
            "subtitle",
            "publisher",
            "channel",
            "authors",
            "publishedAt",
            "publishedPrecision",
            "sourceUrl",
            "tags",
            "language",
            "hasText",
            "charCount",
            "url"));

    /** Everything an export line carries: all but the copies, which an export does not look up. */
    public static final RecordFields EXPORTED = allBut("copies");

    public RecordFields {
        Set<String> ordered = new LinkedHashSet<>();
        ALL.stream().filter(names::contains).forEach(ordered::add);
        names = java.util.Collections.unmodifiableSet(ordered);
    }

    private static RecordFields allBut(String left) {
        return new RecordFields(
                Set.copyOf(ALL.stream().filter(name -> !name.equals(left)).toList()));
    }

    /**
     * The fields listed in {@code value}, comma-separated, or {@code otherwise} when it is absent or blank.
     *
     * @throws InvalidParameterException naming {@code fields} for a name that is not a field, listing the fields
     */
    public static RecordFields parse(String value, RecordFields otherwise) {
        return parse(value, otherwise, ALL);
    }

    /**
     * The fields listed in {@code value} among {@code allowed}, or {@code otherwise} when it is absent or blank.
     *
     * @throws InvalidParameterException naming {@code fields} for a name not allowed, listing the allowed ones
     */
    public static RecordFields parse(String value, RecordFields otherwise, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String field = name.strip();
            if (field.isEmpty()) {
                continue;
            }
            if (!allowed.contains(field)) {
                throw new InvalidParameterException(
                        "fields", "has no field " + field + "; fields are " + String.join(", ", allowed));
            }
            names.add(field);
        }
        if (names.isEmpty()) {
            throw new InvalidParameterException("fields", "names no field; fields are " + String.join(", ", allowed));
        }
        return new RecordFields(names);
    }

    /** This selection with {@code more} fields too. */
    public RecordFields with(String... more) {
        Set<String> union = new LinkedHashSet<>(names);
        union.addAll(List.of(more));
        return new RecordFields(union);
    }

    /**
     * Whether any of these fields is made from the article's text or HTML, which search hits and listings leave out
     * of what they read: the whole article must then be read for each.
     */
    public boolean needsBody() {
        return names.contains("text") || names.contains("html");
    }

    /** The record as JSON with only these fields. */
    public ObjectNode select(ArticleRecord record, JsonMapper json) {
        ObjectNode whole = json.valueToTree(record);
        whole.retain(names);
        return whole;
    }
}
