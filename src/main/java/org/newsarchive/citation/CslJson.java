package org.newsarchive.citation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A citation as CSL-JSON, the input of citeproc processors and Zotero: an array of one {@code article-newspaper}. */
final class CslJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CslJson() {}

    static String write(Citation citation) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", citation.key());
        item.put("type", "article-newspaper");
        item.put("title", citation.title());
        if (!citation.authors().isEmpty()) {
            item.put(
                    "author",
                    citation.authors().stream()
                            .map(author -> Map.of("literal", author))
                            .toList());
        }
        if (citation.publisher() != null) {
            item.put("container-title", citation.publisher());
            item.put("publisher", citation.publisher());
        }
        if (!citation.published().isEmpty()) {
            item.put("issued", Map.of("date-parts", List.of(citation.published())));
        }
        item.put("URL", citation.url());
        item.put("accessed", dateParts(citation.accessedOn()));
        item.put("archive", citation.archiveName());
        item.put("archive_location", citation.archiveUrl());
        item.put("language", citation.language());
        item.put("note", "Archived " + citation.archivedOn());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(item)) + "\n";
    }

    private static Map<String, Object> dateParts(LocalDate date) {
        return Map.of("date-parts", List.of(List.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth())));
    }
}
