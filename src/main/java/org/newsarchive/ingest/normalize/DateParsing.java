package org.newsarchive.ingest.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.PublicationDate;

/**
 * Parses the date notations found in mirrored news: ISO-8601 instants, RFC 1123, zone-less local times, dates in URL
 * paths, epoch milliseconds and image upload folders. Dates outside 1990 to next year are treated as noise. Stateless
 * and thread-safe.
 */
final class DateParsing {

    /** Chinese-language publishers state local times in China's time zone. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /**
     * Times with an offset as Jekyll ({@code 2024-05-06 10:20:00 +0800}), Hugo ({@code 2024-05-06T10:20:00+08:00},
     * {@code 2024-05-06 10:20:00 -0700}) and Hexo write them, with or without seconds, a space or a colon.
     */
    private static final List<DateTimeFormatter> OFFSET_DATE_TIMES = List.of(
            withOffset("yyyy-M-d", "+HHMM"),
            withOffset("yyyy-M-d", "+HH:MM"),
            withOffset("yyyy-M-d", "+HH"),
            withOffset("yyyy/M/d", "+HHMM"),
            withOffset("yyyy/M/d", "+HH:MM"));

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss][.SSS]"));
    private static final List<DateTimeFormatter> LOCAL_DATES =
            List.of(DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy/M/d"));
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2}|\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?=/)|/((?:19|20)\\d{2})(\\d{2})(\\d{2})(?=/)");
    private static final Pattern UPLOAD_MONTH = Pattern.compile("/uploads/((?:19|20)\\d{2})/(\\d{2})/");
    private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{10}|\\d{13})\\s*$");

    private DateParsing() {}

    /** A date, a space or {@code T}, a time with optional seconds and fraction, an optional space, an offset. */
    private static DateTimeFormatter withOffset(String datePattern, String offsetPattern) {
        return new DateTimeFormatterBuilder()
                .appendPattern(datePattern)
                .optionalStart()
                .appendLiteral(' ')
                .optionalEnd()
                .optionalStart()
                .appendLiteral('T')
                .optionalEnd()
                .appendPattern("H:mm")
                .optionalStart()
                .appendPattern(":ss")
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                .optionalEnd()
                .optionalEnd()
                .optionalStart()
                .appendLiteral(' ')
                .optionalEnd()
                .appendOffset(offsetPattern, "Z")
                .toFormatter(Locale.ROOT);
    }

    /**
     * Reads a front matter date. Zone-less times are taken in {@code localOffset} and the date records that the
     * offset was assumed. Returns null when the value is not a date.
     */
    static PublicationDate frontMatter(String value, ZoneOffset localOffset) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return withInstant(OffsetDateTime.parse(text).toInstant(), null);
        } catch (DateTimeParseException notIsoOffset) {
            // next notation
        }
        try {
            return withInstant(
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant(),
                    null);
        } catch (DateTimeParseException notRfc1123) {
            // next notation
        }
        for (DateTimeFormatter format : OFFSET_DATE_TIMES) {
            try {
                return withInstant(OffsetDateTime.parse(text, format).toInstant(), null);
            } catch (DateTimeParseException notThis) {
                // next notation
            }
        }
        for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
            try {
                return withInstant(LocalDateTime.parse(text, format).toInstant(localOffset), localOffset);
            } catch (DateTimeParseException notThis) {
                // next notation
            }
        }
        for (DateTimeFormatter format : LOCAL_DATES) {
            try {
                LocalDate date = plausible(LocalDate.parse(text, format));
                return date == null ? null : PublicationDate.ofDate(date, DateSource.FRONT_MATTER);
            } catch (DateTimeParseException notThis) {
                // next notation
            }
        }
        return null;
    }

    private static PublicationDate withInstant(Instant instant, ZoneOffset assumedOffset) {
        if (plausible(instant.atOffset(ZoneOffset.UTC).toLocalDate()) == null) {
            return null;
        }
        return assumedOffset == null
                ? PublicationDate.ofInstant(instant, DateSource.FRONT_MATTER)
                : PublicationDate.ofLocalTime(instant, assumedOffset, DateSource.FRONT_MATTER);
    }

    /** An HTML comment holding epoch milliseconds (or seconds), as some feed mirrors write. */
    static PublicationDate epochComment(String comment) {
        Matcher matcher = EPOCH.matcher(comment);
        if (!matcher.matches()) {
            return null;
        }
        long value = Long.parseLong(matcher.group(1));
        Instant instant = matcher.group(1).length() == 13 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return plausible(instant.atOffset(ZoneOffset.UTC).toLocalDate()) == null
                ? null
                : PublicationDate.ofInstant(instant, DateSource.EMBEDDED_TIMESTAMP);
    }

    /** A date in a URL path: {@code /gb/21/3/26/}, {@code /2020/7/20/}, {@code /2021-04-02/} or {@code /20210402/}. */
    static PublicationDate urlPath(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = URL_DATE.matcher(url);
        while (matcher.find()) {
            int offset = matcher.group(1) != null ? 1 : 4;
            int year = Integer.parseInt(matcher.group(offset));
            LocalDate date =
                    date(year < 100 ? 2000 + year : year, matcher.group(offset + 1), matcher.group(offset + 2));
            if (date != null) {
                return PublicationDate.ofDate(date, DateSource.SOURCE_URL_PATH);
            }
        }
        return null;
    }

    /** The upload month of a WordPress-style image URL ({@code /wp-content/uploads/2021/03/}), or null. */
    static YearMonth uploadMonth(String imageUrl) {
        Matcher matcher = UPLOAD_MONTH.matcher(imageUrl);
        if (!matcher.find()) {
            return null;
        }
        LocalDate date = date(Integer.parseInt(matcher.group(1)), matcher.group(2), "1");
        return date == null ? null : YearMonth.from(date);
    }

    private static LocalDate date(int year, String month, String day) {
        try {
            return plausible(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    /** The date if it could be a publication date of an archived article, else null. */
    static LocalDate plausible(LocalDate date) {
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        return date.isBefore(EARLIEST) || date.isAfter(latest) ? null : date;
    }
}
