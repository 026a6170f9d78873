package org.newsarchive.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.newsarchive.representation.ArchiveStats;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code stats}: what the archive holds. */
@Component
@Scope("prototype")
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print what the archive holds.")
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON, as GET /api/stats does.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SearchService search;
    private final RawStore rawStore;
    private final JsonMapper jsonMapper;

    StatsCommand(SearchService search, RawStore rawStore, JsonMapper jsonMapper) {
        this.search = search;
        this.rawStore = rawStore;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Integer call() {
        ArchiveStats stats = ArchiveStats.of(search, rawStore);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsString(stats));
        } else {
            out.printf("%-15s %s%n", "articles", stats.articles());
            out.printf("%-15s %s%n", "withoutText", stats.articlesWithoutText());
            out.printf("%-15s %s%n", "publishers", stats.publishers());
            out.printf("%-15s %s%n", "earliest", orDash(stats.earliest()));
            out.printf("%-15s %s%n", "latest", orDash(stats.latest()));
            out.printf("%-15s %s%n", "indexSizeBytes", stats.indexSizeBytes());
            out.printf("%-15s %s%n", "lastIngest", orDash(stats.lastIngest()));
        }
        out.flush();
        return 0;
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }
}
