package org.newsarchive.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsarchive.article.Language;
import org.newsarchive.capture.link.OriginalStatus;
import org.newsarchive.search.DateRange;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SortOrder;
import org.springframework.util.MultiValueMap;

/**
 * The whole state of a search as URL parameters: {@code q}, the facet filters (each repeatable), {@code from},
 * {@code to}, {@code mirroredFrom}, {@code mirroredTo}, {@code sort} and {@code page}. Search pages, browse pages and the API read their requests through
 * this one parser, and pages build every link from it, so any search is a permalink.
 *
 * @param sort the order asked for, or null for the default: relevance for a query, newest for a listing
 * @param mirrored the days the current version was mirrored in, from {@code mirroredFrom} and {@code mirroredTo}
 */
public record SearchParameters(
        String query,
        Map<String, List<String>> filters,
        LocalDate from,
        LocalDate to,
        SortOrder sort,
        int page,
        DateRange mirrored) {

    /** Facet dimensions accepted as filter parameters, in the order pages show them. */
    public static final List<String> FILTERS =
            List.of("publisher", "channel", "tag", "category", "language", "year", "year_month", "original");

    private static final int MAX_VALUES_PER_FILTER = 20;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    public SearchParameters {
        query = query == null ? "" : query.strip();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String dimension : FILTERS) {
            List<String> values = filters.getOrDefault(dimension, List.of());
            if (!values.isEmpty()) {
                copy.put(dimension, List.copyOf(values));
            }
        }
        filters = Collections.unmodifiableMap(copy);
        mirrored = mirrored == null ? DateRange.ANY : mirrored;
    }

    /** Parameters over articles mirrored at any time. */
    public SearchParameters(
            String query, Map<String, List<String>> filters, LocalDate from, LocalDate to, SortOrder sort, int page) {
        this(query, filters, from, to, sort, page, DateRange.ANY);
    }

    /** No query and no filters. */
    public static SearchParameters none() {
        return new SearchParameters("", Map.of(), null, null, null, 1);
    }

    /**
     * Reads the parameters, ignoring unknown ones and blank values.
     *
     * @throws InvalidParameterException naming the first parameter that cannot be used
     */
    public static SearchParameters parse(MultiValueMap<String, String> parameters) {
        String query = parameters.getFirst("q");
        if (query != null && query.strip().length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new InvalidParameterException(
                    "q", "must be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dimension : FILTERS) {
            List<String> values = parameters.getOrDefault(dimension, List.of()).stream()
                    .filter(value -> value != null && !value.isBlank())
                    .map(String::strip)
                    .distinct()
                    .toList();
            if (values.size() > MAX_VALUES_PER_FILTER) {
                throw new InvalidParameterException(dimension, "at most " + MAX_VALUES_PER_FILTER + " values");
            }
            if (values.stream().anyMatch(value -> value.length() > MAX_VALUE_LENGTH)) {
                throw new InvalidParameterException(
                        dimension, "values must be at most " + MAX_VALUE_LENGTH + " characters");
            }
            if (dimension.equals("year")) {
                values.forEach(value -> requireForm(dimension, value, YEAR, "a year as YYYY, such as 2021"));
            }
            if (dimension.equals("year_month")) {
                values.forEach(
                        value -> requireForm(dimension, value, YEAR_MONTH, "a month as YYYY-MM, such as 2021-09"));
            }
            if (dimension.equals("language")) {
                values = values.stream()
                        .map(SearchParameters::languageTag)
                        .distinct()
                        .toList();
            }
            if (dimension.equals("original")) {
                values = values.stream()
                        .map(SearchParameters::originalStatus)
                        .distinct()
                        .toList();
            }
            if (!values.isEmpty()) {
                filters.put(dimension, values);
            }
        }
        LocalDate from = date(parameters, "from");
        LocalDate to = date(parameters, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        LocalDate mirroredFrom = date(parameters, "mirroredFrom");
        LocalDate mirroredTo = date(parameters, "mirroredTo");
        if (mirroredFrom != null && mirroredTo != null && mirroredFrom.isAfter(mirroredTo)) {
            throw new InvalidParameterException("mirroredFrom", "must not be after mirroredTo");
        }
        return new SearchParameters(
                query, filters, from, to, sort(parameters), page(parameters), new DateRange(mirroredFrom, mirroredTo));
    }

    private static void requireForm(String parameter, String value, Pattern form, String expected) {
        if (!form.matcher(value).matches()) {
            throw new InvalidParameterException(parameter, "must be " + expected + ", was: " + value);
        }
    }

    /** The original's status as the archive writes it, in lower case; any case is taken. */
    private static String originalStatus(String value) {
        String label = value.toLowerCase(Locale.ROOT);
        List<String> known =
                Stream.of(OriginalStatus.values()).map(OriginalStatus::label).toList();
        if (!known.contains(label)) {
            throw new InvalidParameterException(
                    "original", "must be one of " + String.join(", ", known) + ", was: " + value);
        }
        return label;
    }

    /** The language tag as the archive writes it: tags are case-insensitive ({@code zh-hans} is {@code zh-Hans}). */
    private static String languageTag(String value) {
        try {
            return Language.fromTag(value).tag();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("language", "must be zh-Hans, zh-Hant or other, was: " + value);
        }
    }

    private static LocalDate date(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date as YYYY-MM-DD, was: " + value);
        }
    }

    private static SortOrder sort(MultiValueMap<String, String> parameters) {
        String value = parameters.getFirst("sort");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SortOrder.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    "sort", "must be relevance, newest, oldest, ingested or mirrored, was: " + value);
        }
    }

    private static int page(MultiValueMap<String, String> parameters) {
        String value = parameters.getFirst("page");
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("page", "must be a whole number from 1, was: " + value);
    }

    /** The order used: the one asked for, else relevance for a query and newest first for a listing. */
    public SortOrder effectiveSort() {
        if (sort != null) {
            return sort;
        }
        return query.isEmpty() ? SortOrder.NEWEST : SortOrder.RELEVANCE;
    }

    public SearchRequest toRequest(int size) {
        return new SearchRequest(
                query, filters, from, to, effectiveSort(), page, size, null, true, FacetOptions.DEFAULT, mirrored);
    }

    public boolean hasFilters() {
        return !filters.isEmpty() || from != null || to != null || !mirrored.isOpen();
    }

    public boolean isActive(String dimension, String value) {
        return filters.getOrDefault(dimension, List.of()).contains(value);
    }

    public SearchParameters withFilter(String dimension, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(changed.getOrDefault(dimension, List.of()));
        if (!values.contains(value)) {
            values.add(value);
        }
        changed.put(dimension, values);
        return new SearchParameters(query, changed, from, to, sort, 1, mirrored);
    }

    public SearchParameters withoutFilter(String dimension, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(changed.getOrDefault(dimension, List.of()));
        values.remove(value);
        changed.put(dimension, values);
        return new SearchParameters(query, changed, from, to, sort, 1, mirrored);
    }

    public SearchParameters withoutFilters() {
        return new SearchParameters(query, Map.of(), null, null, sort, 1);
    }

    public SearchParameters withoutDates() {
        return new SearchParameters(query, filters, null, null, sort, 1, DateRange.ANY);
    }

    public SearchParameters withoutMirroredDates() {
        return new SearchParameters(query, filters, from, to, sort, 1, DateRange.ANY);
    }

    public SearchParameters withQuery(String newQuery) {
        return new SearchParameters(newQuery, filters, from, to, null, 1, mirrored);
    }

    public SearchParameters withSort(SortOrder newSort) {
        return new SearchParameters(query, filters, from, to, newSort, 1, mirrored);
    }

    public SearchParameters withPage(int newPage) {
        return new SearchParameters(query, filters, from, to, sort, newPage, mirrored);
    }

    /** The link to these parameters under {@code path}, with only the parameters that are set, URL-encoded. */
    public String href(String path) {
        StringJoiner parameters = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        if (!query.isEmpty()) {
            parameters.add(parameter("q", query));
        }
        filters.forEach((dimension, values) -> values.forEach(value -> parameters.add(parameter(dimension, value))));
        if (from != null) {
            parameters.add(parameter("from", from.toString()));
        }
        if (to != null) {
            parameters.add(parameter("to", to.toString()));
        }
        if (mirrored.from() != null) {
            parameters.add(parameter("mirroredFrom", mirrored.from().toString()));
        }
        if (mirrored.to() != null) {
            parameters.add(parameter("mirroredTo", mirrored.to().toString()));
        }
        if (sort != null) {
            parameters.add(parameter("sort", sort.name().toLowerCase(Locale.ROOT)));
        }
        if (page > 1) {
            parameters.add(parameter("page", Integer.toString(page)));
        }
        return parameters.toString();
    }

    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@link #href} under {@code /search}. */
    public String href() {
        return href("/search");
    }
}
