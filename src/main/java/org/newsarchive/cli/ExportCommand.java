package org.newsarchive.cli;

import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.newsarchive.representation.ArticleExport;
import org.newsarchive.representation.ExportFormat;
import org.newsarchive.representation.RecordFields;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.search.SearchRequest;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export [QUERY]}: every matching article to standard output, as JSON lines or CSV. */
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

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (one record per line) or csv.")
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
    private final OutputStream stdout;

    ExportCommand(ArticleExport export, Terminal terminal) {
        this.export = export;
        this.stdout = terminal.out();
    }

    @Override
    public Integer call() {
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
}
