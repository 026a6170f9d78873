package org.newsarchive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.newsarchive.capture.WarcExport;
import org.newsarchive.representation.ArticleExport;
import org.newsarchive.representation.ExportFormat;
import org.newsarchive.representation.RecordFields;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.search.SearchRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export [QUERY]}: every matching article to standard output, as JSON lines, CSV or a web archive. */
@Component
@Scope("prototype")
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write every matching article (all of them without a query) to standard output.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "2:usage error"})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    SearchOptions search;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "jsonl (one record per line), csv, or warc: a web archive of every version's original file"
                    + " with its record, then every capture, which ingest --warc reads back.")
    String format;

    @Option(names = "--bom", description = "Start a CSV export with a UTF-8 byte order mark (Excel needs it).")
    boolean byteOrderMark;

    @Option(
            names = "--fields",
            description = "JSON lines only: the record fields of each line, comma-separated (default all but copies).")
    String fields;

    @Option(
            names = "--all-versions",
            description = "Every version of each article, oldest first, each a line with its version number.")
    boolean allVersions;

    @Spec
    CommandSpec spec;

    private final ArticleExport export;
    private final ObjectProvider<WarcExport> warcExport;
    private final OutputStream stdout;

    /** @param warcExport made only for a WARC export, so that the other formats open no capture store */
    ExportCommand(ArticleExport export, ObjectProvider<WarcExport> warcExport, Terminal terminal) {
        this.export = export;
        this.warcExport = warcExport;
        this.stdout = terminal.out();
    }

    @Override
    public Integer call() throws IOException {
        if ("warc".equalsIgnoreCase(format)) {
            return exportWarc();
        }
        ExportFormat exportFormat;
        SearchRequest request;
        RecordFields selected;
        try {
            exportFormat = ExportFormat.parse(format);
            request = search.parameters(1).toRequest(1);
            selected = RecordFields.parse(fields, RecordFields.EXPORTED);
        } catch (InvalidParameterException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("export: " + e.getMessage());
            return 2;
        }
        long count = export.write(request, exportFormat, "", byteOrderMark, selected, allVersions, stdout);
        String noun = allVersions ? "version" : "article";
        spec.commandLine().getErr().println("Exported " + count + " " + noun + (count == 1 ? "." : "s."));
        return 0;
    }

    private Integer exportWarc() throws IOException {
        if (byteOrderMark || fields != null || allVersions) {
            spec.commandLine()
                    .getErr()
                    .println("export: a WARC export holds every version of each article, whole:"
                            + " give no --bom, --fields or --all-versions with it");
            return 2;
        }
        SearchRequest request;
        try {
            request = search.parameters(1).toRequest(1);
        } catch (InvalidParameterException e) {
            spec.commandLine().getErr().println("export: " + e.getMessage());
            return 2;
        }
        WarcExport.Written written = warcExport.getObject().write(request, stdout);
        spec.commandLine()
                .getErr()
                .println("Exported " + written.versions() + (written.versions() == 1 ? " version" : " versions")
                        + " of " + written.articles() + (written.articles() == 1 ? " article" : " articles")
                        + " and " + written.captureRecords() + " capture records.");
        return 0;
    }
}
