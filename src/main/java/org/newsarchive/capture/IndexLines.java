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
                TsvFields.escape(capture.url()),
                capture.time().toString(),
                TsvFields.escape(capture.method()),
                Integer.toString(answer.status()),
                TsvFields.escape(answer.type()),
                TsvFields.escape(answer.sha256()),
                Long.toString(answer.length()),
                TsvFields.escape(answer.location()),
                TsvFields.escape(place.file()),
                Long.toString(place.offset()),
                TsvFields.escape(place.recordId()),
                capture.outcome().name(),
                TsvFields.escape(capture.reason()));
    }

    static Optional<Capture> parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS || line.equals(HEADER)) {
            return Optional.empty();
        }
        try {
            Capture.Answer answer = new Capture.Answer(
                    Integer.parseInt(fields[3]),
                    TsvFields.unescape(fields[4]),
                    TsvFields.unescape(fields[5]),
                    Long.parseLong(fields[6]),
                    TsvFields.unescape(fields[7]));
            Capture.Place place = new Capture.Place(
                    TsvFields.unescape(fields[8]), Long.parseLong(fields[9]), TsvFields.unescape(fields[10]));
            return Optional.of(new Capture(
                    TsvFields.unescape(fields[0]),
                    Instant.parse(fields[1]),
                    TsvFields.unescape(fields[2]),
                    answer,
                    place,
                    CaptureOutcome.valueOf(fields[11]),
                    TsvFields.unescape(fields[12])));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException torn) {
            return Optional.empty();
        }
    }
}
