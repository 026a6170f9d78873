package org.newsarchive.cli;

import java.util.List;
import java.util.Objects;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.context.ConfigurableApplicationContext;
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
            CaptureCommand.class,
            SolrSetupCommand.class
        },
        footer = {
            "",
            "Without a command, or with 'serve', the archive runs its web server.",
            "Spring properties work with every command, e.g. --archive.data-dir=DIR or --server.port=8080."
        })
public final class ArchiveCommandLine {

    private ArchiveCommandLine() {}

    /**
     * Parses and runs {@code args}, writing to {@code terminal}; returns the exit code (0 success, 1 partial failure
     * or an unusable index, 2 usage error). The terminal becomes a bean of {@code context}, for the commands.
     */
    public static int execute(ConfigurableApplicationContext context, List<String> args, Terminal terminal) {
        Objects.requireNonNull(context, "context");
        context.getBeanFactory().registerSingleton("terminal", terminal);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (!type.getName().startsWith("picocli.")) {
                    K bean = context.getBeanProvider(type).getIfAvailable();
                    if (bean != null) {
                        return bean;
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(ArchiveCommandLine.class, factory)
                .setOut(terminal.outWriter())
                .setErr(terminal.errWriter());
        commandLine.setExecutionExceptionHandler(ArchiveCommandLine::indexUnavailable);
        return commandLine.execute(args.toArray(String[]::new));
    }

    /**
     * An engine that cannot be used (an index locked or unreadable, a SolrCloud that does not answer), even when it
     * fails while the command's services are made, ends any command with its message, which says what to do, and
     * exit code 1; anything else is a bug and keeps its stack trace.
     */
    private static int indexUnavailable(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SearchUnavailableException unavailable) {
                command.getErr().println(command.getCommandName() + ": " + unavailable.getMessage());
                return 1;
            }
        }
        throw failure;
    }
}
