package org.newsarchive.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reindex}: rebuilds the search index from the raw store alone. */
@Component
@Scope("prototype")
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = "Rebuild the index from every file kept in the raw store.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every stored file was indexed", "1:some stored files yield no article", "2:usage error"})
final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<IngestService> ingestService;
    private final Terminal terminal;

    /** @param ingestService made when the command runs, so that {@code --help} never takes the writer */
    ReindexCommand(ObjectProvider<IngestService> ingestService, Terminal terminal) {
        this.ingestService = ingestService;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        IngestReport report;
        try (TerminalProgress progress = new TerminalProgress(terminal)) {
            report = ingestService.getObject().reindex(progress);
        } catch (SearchUnavailableException | UncheckedIOException e) {
            spec.commandLine().getErr().println("reindex: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("Reindexed " + report.summary());
        spec.commandLine().getOut().flush();
        return report.allSucceeded() ? 0 : 1;
    }
}
