package org.newsarchive.citation;

/** A citation as an RIS record of type {@code NEWS}: one tag per line, {@code ER} last. */
final class Ris {

    private Ris() {}

    static String write(Citation citation) {
        StringBuilder record = new StringBuilder();
        line(record, "TY", "NEWS");
        line(record, "TI", citation.title());
        citation.authors().forEach(author -> line(record, "AU", author));
        if (citation.publisher() != null) {
            line(record, "T2", citation.publisher());
            line(record, "PB", citation.publisher());
        }
        if (!citation.published().isEmpty()) {
            line(record, "PY", String.valueOf(citation.published().get(0)));
            line(record, "DA", citation.slashedDate());
        }
        line(record, "UR", citation.url());
        line(record, "Y2", citation.accessedOn().toString().replace('-', '/'));
        line(record, "LA", citation.language());
        line(record, "DB", citation.archiveName());
        line(record, "N1", "Archived copy: " + citation.archiveUrl() + " (archived " + citation.archivedOn() + ")");
        line(record, "ID", citation.key());
        record.append("ER  - \r\n");
        return record.toString();
    }

    /** One tag and its value; a line break in the value would end the field, so it becomes a space. */
    private static void line(StringBuilder record, String tag, String value) {
        record.append(tag)
                .append("  - ")
                .append(value.replaceAll("\\s+", " ").strip())
                .append("\r\n");
    }
}
