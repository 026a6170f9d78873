package org.newsarchive.capture;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The capture index's line format: one capture a line, its fields separated by tabs, in the order of {@link
 * #HEADER}. Tabs, line breaks and backslashes in a field are escaped, so a URL or a reason a host made up cannot
 * break a line; an absent value is an empty field. A line that does not parse (the torn end of a line a killed
 * writer left) is skipped, as the index is rebuilt from the WARC files it points at.
 */
final class IndexLines {

    static final String HEADER =
            "url\ttime\tmethod\tstatus\ttype\tsha256\tlength\tlocation\tfile\toffset\trecordId\toutcome\treason";

    private static final int FIELDS = 13;

    private IndexLines() {}

    static String format(Capture capture) {
        Capture.Answer answer = capture.answer();
        Capture.Place place = capture.place();
        return String.join(
                "\t",
                escape(capture.url()),
                capture.time().toString(),
                escape(capture.method()),
                Integer.toString(answer.status()),
                escape(answer.type()),
                escape(answer.sha256()),
                Long.toString(answer.length()),
                escape(answer.location()),
                escape(place.file()),
                Long.toString(place.offset()),
                escape(place.recordId()),
                capture.outcome().name(),
                escape(capture.reason()));
    }

    static Optional<Capture> parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS || line.equals(HEADER)) {
            return Optional.empty();
        }
        try {
            Capture.Answer answer = new Capture.Answer(
                    Integer.parseInt(fields[3]),
                    unescape(fields[4]),
                    unescape(fields[5]),
                    Long.parseLong(fields[6]),
                    unescape(fields[7]));
            Capture.Place place =
                    new Capture.Place(unescape(fields[8]), Long.parseLong(fields[9]), unescape(fields[10]));
            return Optional.of(new Capture(
                    unescape(fields[0]),
                    Instant.parse(fields[1]),
                    unescape(fields[2]),
                    answer,
                    place,
                    CaptureOutcome.valueOf(fields[11]),
                    unescape(fields[12])));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException torn) {
            return Optional.empty();
        }
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        if (field.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
