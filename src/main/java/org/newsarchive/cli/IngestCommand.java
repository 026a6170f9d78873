package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchive.article.Article;
import org.newsarchive.capture.Capture;
import org.newsarchive.capture.CaptureOutcome;
import org.newsarchive.capture.CaptureSummary;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.capture.WarcImport;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.git.GitIngest;
import org.newsarchive.ingest.git.GitMirrorException;
import org.newsarchive.ingest.git.MirrorCheckpoints;
import org.newsarchive.representation.IngestReportDocument;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.version.ArticleHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ingest PATH...}: reads files and folders into the archive and reports file by file; {@code ingest --git
 * REPO} reads every version of every article file in a git mirror's history.
 */
@Component
@Scope("prototype")
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Ingest article files (.md, .markdown, .html, .htm, .txt); folders are read recursively.",
            "With --git, ingest every version of the article files in a git repository's history, going on from the"
                    + " last commit ingested before.",
            "With --warc, ingest the pages of web archives (WARC files) and capture their images."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was ingested or unchanged", "1:some files failed", "2:usage error"})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(
            names = "--git",
            paramLabel = "REPO",
            description = "A local git repository (work tree, .git folder or bare) to ingest the history of.")
    Path git;

    @Option(
            names = "--ref",
            paramLabel = "REF",
            defaultValue = "HEAD",
            description = "With --git: the branch, tag or commit whose history is read (default: ${DEFAULT-VALUE}).")
    String ref;

    @Option(
            names = "--path",
            paramLabel = "GLOB",
            description = "With --git: which files to read, as a glob on their paths in the repository, such as"
                    + " '_posts/**.md' (default: every article file).")
    String pathGlob;

    @Option(
            names = "--warc",
            description = "The PATHs are web archives (WARC, gzipped or not, such as wget --warc-file writes): their"
                    + " HTML and Markdown pages are ingested, at their URLs and dated by their WARC-Date, and their"
                    + " images become captures.")
    boolean warc;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of every file to FILE.")
    Path report;

    @Option(names = "--dry-run", description = "Read and report, but write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<IngestService> ingestService;
    private final ObjectProvider<Path> dataDirectory;
    private final JsonMapper json;
    private final Terminal terminal;
    private final Clock clock;
    private final int commitEvery;
    private final boolean captureOnIngest;
    private final ObjectProvider<MediaCapture> mediaCapture;
    private final ObjectProvider<ArticleSink> sink;
    private final ObjectProvider<WarcImport> warcImport;

    /**
     * @param ingestService made when the command runs, so that {@code --help} and usage errors never take the writer
     * @param dataDirectory where the last commit ingested from each mirror is remembered
     */
    IngestCommand(
            ObjectProvider<IngestService> ingestService,
            ObjectProvider<Path> dataDirectory,
            JsonMapper json,
            Terminal terminal,
            Clock clock,
            ArchiveProperties properties,
            ObjectProvider<MediaCapture> mediaCapture,
            ObjectProvider<ArticleSink> sink,
            ObjectProvider<WarcImport> warcImport) {
        this.sink = sink;
        this.warcImport = warcImport;
        this.commitEvery = properties.ingest().commitEvery();
        this.captureOnIngest = properties.capture().onIngest();
        this.mediaCapture = mediaCapture;
        this.ingestService = ingestService;
        this.dataDirectory = dataDirectory;
        this.terminal = terminal;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> given = paths == null ? List.of() : paths;
        if (git != null) {
            if (!given.isEmpty() || dryRun) {
                err.println("ingest: --git reads one repository; give no PATH and no --dry-run with it");
                return 2;
            }
            return ingestMirror(out, err);
        }
        if (given.isEmpty()) {
            err.println("ingest: give files or folders to ingest, or --git REPO");
            return 2;
        }
        for (Path path : given) {
            if (!Files.exists(path)) {
                err.println("ingest: no such file or directory: " + path);
                return 2;
            }
        }
        if (warc) {
            if (dryRun) {
                err.println("ingest: --warc records the archives' images as it reads them; give no --dry-run with it");
                return 2;
            }
            return ingestWebArchives(given, out, err);
        }
        IngestReport result;
        try (TerminalProgress progress = new TerminalProgress(terminal)) {
            result = ingestService.getObject().ingest(given, dryRun, progress);
        } catch (SearchUnavailableException | UncheckedIOException e) {
            err.println("ingest: " + e.getMessage());
            return 1;
        }
        reportFailures(result, err);
        if (report != null) {
            writeReport(result);
        }
        out.println((dryRun ? "Dry run, nothing written. " : "") + result.summary());
        out.flush();
        if (captureOnIngest && !dryRun) {
            captureImages(result, out);
        }
        return result.allSucceeded() ? 0 : 1;
    }

    /** With {@code archive.capture.on-ingest}: captures the images of the articles this ingest added or changed. */
    private void captureImages(IngestReport result, PrintWriter out) {
        // The articles as the ingest saved them: the command's search reads the last commit, a moment behind.
        ArticleSink saved = sink.getObject();
        List<Article> articles = result.files().stream()
                .filter(file ->
                        file.status() == FileOutcome.Status.INGESTED || file.status() == FileOutcome.Status.VERSIONED)
                .map(FileOutcome::id)
                .distinct()
                .flatMap(id -> saved.history(id).stream())
                .map(ArticleHistory::current)
                .toList();
        if (articles.isEmpty()) {
            return;
        }
        try (TerminalProgress bar = new TerminalProgress(terminal, "Capturing", "images")) {
            CaptureSummary summary = mediaCapture.getObject().runFor(articles, 0, new MediaCapture.Progress() {
                @Override
                public void started(int urls) {
                    bar.start(urls);
                }

                @Override
                public void captured(String url, Capture last) {
                    bar.step();
                }
            });
            out.println("Images: " + summary.count(CaptureOutcome.CAPTURED) + " captured, "
                    + summary.count(CaptureOutcome.UNCHANGED) + " unchanged, "
                    + summary.count(CaptureOutcome.REFUSED) + " refused, "
                    + summary.count(CaptureOutcome.FAILED) + " failed.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    private Integer ingestWebArchives(List<Path> files, PrintWriter out, PrintWriter err) throws IOException {
        WarcImport.Read read;
        IngestReport result;
        try {
            read = warcImport.getObject().read(files);
            try (TerminalProgress progress = new TerminalProgress(terminal)) {
                result = ingestService.getObject().ingestMirrored(read.pages(), List.of(), progress);
            }
        } catch (IOException | SearchUnavailableException | UncheckedIOException e) {
            err.println("ingest: " + e.getMessage());
            return 1;
        }
        reportFailures(result, err);
        if (report != null) {
            writeReport(result);
        }
        out.println(result.summary());
        out.println("Images: " + read.images() + " captured, " + read.knownImages() + " already archived.");
        out.flush();
        return result.allSucceeded() ? 0 : 1;
    }

    private Integer ingestMirror(PrintWriter out, PrintWriter err) throws IOException {
        GitIngest.Result result;
        try (TerminalProgress progress = new TerminalProgress(terminal)) {
            GitIngest mirrors =
                    new GitIngest(ingestService.getObject(), new MirrorCheckpoints(dataDirectory.getObject()), clock);
            result = mirrors.ingest(git, ref, pathGlob, progress);
        } catch (GitMirrorException e) {
            err.println("ingest: " + e.getMessage());
            return 2;
        } catch (SearchUnavailableException | UncheckedIOException e) {
            err.println("ingest: " + e.getMessage());
            return 1;
        }
        reportFailures(result.report(), err);
        if (report != null) {
            writeReport(result.report());
        }
        if (result.restarted()) {
            out.println("The commit ingested last time is no longer in the repository (its history was rewritten):"
                    + " the whole history was read again.");
        }
        out.println(
                result.commits() == 0
                        ? "No new commits in " + result.repository() + " since " + abbreviated(result.to()) + "."
                        : result.commits() + (result.commits() == 1 ? " commit of " : " commits of ")
                                + result.repository()
                                + (result.from() == null ? "" : " after " + abbreviated(result.from())) + ", up to "
                                + abbreviated(result.to()) + ": "
                                + result.report().summary());
        out.flush();
        return result.report().allSucceeded() ? 0 : 1;
    }

    private static String abbreviated(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
    }

    private static void reportFailures(IngestReport result, PrintWriter err) {
        for (FileOutcome file : result.files()) {
            if (file.status() == FileOutcome.Status.FAILED) {
                err.println("failed: " + file.path() + ": "
                        + file.problems().get(file.problems().size() - 1).message());
            }
        }
    }

    private void writeReport(IngestReport result) throws IOException {
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), IngestReportDocument.of(result));
    }
}
