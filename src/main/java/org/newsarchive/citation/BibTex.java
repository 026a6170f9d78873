package org.newsarchive.citation;

import java.util.stream.Collectors;

/** A citation as a biblatex {@code @online} entry; classic BibTeX styles read it as {@code @misc}. */
final class BibTex {

    private BibTex() {}

    static String write(Citation citation) {
        StringBuilder entry =
                new StringBuilder("@online{").append(citation.key()).append(",\n");
        if (!citation.authors().isEmpty()) {
            // Each name braced whole: Chinese names have no given-name and family-name parts for BibTeX to split.
            field(
                    entry,
                    "author",
                    citation.authors().stream()
                            .map(author -> "{" + escape(author) + "}")
                            .collect(Collectors.joining(" and ")));
        }
        field(entry, "title", "{" + escape(citation.title()) + "}");
        if (citation.publisher() != null) {
            field(entry, "organization", escape(citation.publisher()));
        }
        if (!citation.published().isEmpty()) {
            field(entry, "date", citation.slashedDate().replace('/', '-'));
            field(entry, "year", String.valueOf(citation.published().get(0)));
            if (citation.published().size() > 1) {
                field(entry, "month", String.valueOf(citation.published().get(1)));
            }
        }
        field(entry, "url", url(citation.url()));
        field(entry, "urldate", citation.accessedOn().toString());
        field(entry, "langid", citation.language());
        field(
                entry,
                "note",
                escape("Archived copy: " + citation.archiveName() + ", " + citation.archivedOn() + ", "
                        + citation.archiveUrl()));
        return entry.append("}\n").toString();
    }

    private static void field(StringBuilder entry, String name, String value) {
        entry.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Text with BibTeX's special characters written as commands, so that any title survives. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.replaceAll("\\s+", " ").strip().toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> escaped.append('\\').append(c);
                case '~' -> escaped.append("\\textasciitilde{}");
                case '^' -> escaped.append("\\textasciicircum{}");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A URL for the verbatim {@code url} field: only braces would unbalance it. */
    private static String url(String url) {
        return url.replace("{", "%7B").replace("}", "%7D");
    }
}
