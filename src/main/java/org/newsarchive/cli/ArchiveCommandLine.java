package org.newsarchive.cli;

import java.util.List;
import java.util.Objects;
import org.newsarchive.index.IndexUnavailableException;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of the archive. Commands are Spring beans, created by picocli through the application
 * context, so they use the same services and settings as the server.
 */
@Command(
        name = "news-archive",
        mixinStandardHelpOptions = true,
        version = "news-archive 0.1",
        description = "Searchable archive of Chinese news articles recovered from mirror repositories.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            ReindexCommand.class,
            SearchCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            SolrSetupCommand.class
        },
        footer = {
            "",
            "Without a command, or with 'serve', the archive runs its web server.",
            "Spring properties work with every command, e.g. --archive.data-dir=DIR or --server.port=8080."
        })
public final class ArchiveCommandLine {

    private ArchiveCommandLine() {}

    /** Parses and runs {@code args}; returns the exit code (0 success, 1 partial failure, 2 usage error). */
    public static int execute(ApplicationContext context, List<String> args) {
        Objects.requireNonNull(context, "context");
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (!type.getName().startsWith("picocli.")) {
                    var beans = context.getBeanProvider(type);
                    K bean = beans.getIfAvailable();
                    if (bean != null) {
                        return bean;
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(ArchiveCommandLine.class, factory);
        commandLine.setExecutionExceptionHandler(ArchiveCommandLine::indexUnavailable);
        return commandLine.execute(args.toArray(String[]::new));
    }

    /**
     * An index that cannot be used (locked, unreadable, or a SolrCloud that does not answer) ends any command with
     * its message, which says what to do, and exit code 1; anything else is a bug and keeps its stack trace.
     */
    private static int indexUnavailable(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof IndexUnavailableException || failure instanceof SearchUnavailableException) {
            command.getErr().println(command.getCommandName() + ": " + failure.getMessage());
            return 1;
        }
        throw failure;
    }
}
