package org.newsarchive.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.newsarchive.article.PublicationDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats values for the templates ({@code ${@pageFormat...}}), so that pages say exactly as much as the archive
 * knows: a date known to the day shows no time, a time read without a zone shows the zone that was assumed.
 */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    PageFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** A facet value as readers know it: language codes and originals' statuses by name, the rest as archived. */
    public String facetValue(String dimension, String value) {
        if (dimension.equals("language") || dimension.equals("original")) {
            return messages.getMessage(dimension + "." + value, null, value, LocaleContextHolder.getLocale());
        }
        return value;
    }

    /** The date at its precision: {@code 2021-10-28 14:08 UTC+08:00}, {@code 2021-12-29} or {@code 2021-03}. */
    public String date(PublicationDate date) {
        if (date == null) {
            return "";
        }
        return switch (date.precision()) {
            case DATE_TIME -> {
                ZoneOffset offset = date.assumedOffset() != null ? date.assumedOffset() : ZoneOffset.UTC;
                String zone = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
                yield DATE_TIME.format(date.instant().atOffset(offset)) + " " + zone;
            }
            case DATE -> date.date().toString();
            case MONTH -> date.iso();
        };
    }

    /** The day only, for lists: {@code 2021-12-29}, or {@code 2021-03} when only the month is known. */
    public String day(PublicationDate date) {
        if (date == null) {
            return "";
        }
        return switch (date.precision()) {
            case DATE_TIME, DATE -> date.date().toString();
            case MONTH -> date.iso();
        };
    }

    /** The message key that explains how precise and how certain a date is. */
    public String precisionKey(PublicationDate date) {
        if (date.inferred()) {
            return "date.inferred";
        }
        if (date.assumedOffset() != null) {
            return "date.assumedZone";
        }
        return switch (date.precision()) {
            case DATE_TIME -> "date.precision.time";
            case DATE -> "date.precision.day";
            case MONTH -> "date.precision.month";
        };
    }

    /** The names of record fields as readers know them ({@code diff.field.title}…), joined for a sentence. */
    public String fieldNames(List<String> fields) {
        Locale locale = LocaleContextHolder.getLocale();
        String separator = messages.getMessage("list.separator", null, ", ", locale);
        return fields.stream()
                .map(field -> messages.getMessage("diff.field." + field, null, field, locale))
                .collect(Collectors.joining(separator));
    }

    /** The day of an instant, in UTC: {@code 2021-03-01}. */
    public String day(Instant instant) {
        return instant == null
                ? ""
                : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** A count with the interface language's digit grouping. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }
}
