package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.representation.IngestReportDocument;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code ingest PATH...}: reads files and folders into the archive and reports file by file. */
@Component
@Scope("prototype")
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingest article files (.md, .markdown, .html, .htm, .txt); folders are read recursively.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was ingested or unchanged", "1:some files failed", "2:usage error"})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of every file to FILE.")
    Path report;

    @Option(names = "--dry-run", description = "Read and report, but write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<IngestService> ingestService;
    private final JsonMapper json;
    private final Terminal terminal;

    /** @param ingestService made when the command runs, so that {@code --help} and usage errors never take the writer */
    IngestCommand(ObjectProvider<IngestService> ingestService, JsonMapper json, Terminal terminal) {
        this.ingestService = ingestService;
        this.terminal = terminal;
        this.json = json;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("ingest: no such file or directory: " + path);
                return 2;
            }
        }
        IngestReport result;
        try (TerminalProgress progress = new TerminalProgress(terminal)) {
            result = ingestService.getObject().ingest(paths, dryRun, progress);
        } catch (SearchUnavailableException | UncheckedIOException e) {
            err.println("ingest: " + e.getMessage());
            return 1;
        }
        for (FileOutcome file : result.files()) {
            if (file.status() == FileOutcome.Status.FAILED) {
                err.println("failed: " + file.path() + ": "
                        + file.problems().get(file.problems().size() - 1).message());
            }
        }
        if (report != null) {
            writeReport(result);
        }
        out.println((dryRun ? "Dry run, nothing written. " : "") + result.summary());
        out.flush();
        return result.allSucceeded() ? 0 : 1;
    }

    private void writeReport(IngestReport result) throws IOException {
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), IngestReportDocument.of(result));
    }
}
