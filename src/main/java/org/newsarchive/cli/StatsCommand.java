package org.newsarchive.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsarchive.search.ArchiveOverview;
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
        ArchiveOverview overview = search.overview();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("articles", overview.articles());
        stats.put("publishers", overview.publishers());
        stats.put(
                "earliest",
                overview.earliest() == null ? null : overview.earliest().iso());
        stats.put("latest", overview.latest() == null ? null : overview.latest().iso());
        stats.put("indexSizeBytes", search.indexSizeBytes());
        stats.put("lastIngest", rawStore.lastRecordedAt().map(Object::toString).orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsString(stats));
        } else {
            stats.forEach((name, value) -> out.printf("%-15s %s%n", name, value == null ? "-" : value));
        }
        out.flush();
        return 0;
    }
}
