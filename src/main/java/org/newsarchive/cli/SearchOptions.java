package org.newsarchive.cli;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.request.SearchParameters;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The search a command works on: query words and the filters of the search page, read as the pages read them. */
final class SearchOptions {

    @Parameters(
            paramLabel = "QUERY",
            arity = "0..*",
            description = "Query in the archive's syntax (quote it for the shell); none matches every article.")
    List<String> query = new ArrayList<>();

    @Option(names = "--publisher", paramLabel = "NAME", description = "Only this publisher (repeatable).")
    List<String> publishers = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "NAME", description = "Only this channel (repeatable).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Only this tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--language", paramLabel = "LANG", description = "zh-Hans, zh-Hant or other (repeatable).")
    List<String> languages = new ArrayList<>();

    @Option(
            names = "--original",
            paramLabel = "STATUS",
            description = "Only articles whose original is online, moved, gone, blocked, unreachable or unchecked"
                    + " (repeatable).")
    List<String> originals = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First publication date included.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last publication date included.")
    String to;

    @Option(
            names = "--mirrored-from",
            paramLabel = "YYYY-MM-DD",
            description = "First day included of when a mirror held the current version.")
    String mirroredFrom;

    @Option(
            names = "--mirrored-to",
            paramLabel = "YYYY-MM-DD",
            description = "Last day included of when a mirror held the current version.")
    String mirroredTo;

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            description = "relevance, newest, oldest, ingested (newly archived first) or mirrored (latest mirrored"
                    + " first).")
    String sort;

    /**
     * The validated search.
     *
     * @throws org.newsarchive.request.InvalidParameterException naming the option that cannot be used
     */
    SearchParameters parameters(int page) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("q", String.join(" ", query));
        values.addAll("publisher", publishers);
        values.addAll("channel", channels);
        values.addAll("tag", tags);
        values.addAll("language", languages);
        values.addAll("original", originals);
        values.add("from", from);
        values.add("to", to);
        values.add("mirroredFrom", mirroredFrom);
        values.add("mirroredTo", mirroredTo);
        values.add("sort", sort);
        values.add("page", Integer.toString(page));
        return SearchParameters.parse(values);
    }
}
