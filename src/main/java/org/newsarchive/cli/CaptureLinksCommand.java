package org.newsarchive.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.newsarchive.capture.link.OriginalCheck;
import org.newsarchive.capture.link.OriginalStatus;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capture links [ID...]}: checks what became of the articles' original URLs. */
@Component
@Scope("prototype")
@Command(
        name = "links",
        mixinStandardHelpOptions = true,
        description = {
            "Check each article's original URL (HEAD, and GET of at most 64 KB where HEAD is refused or a page"
                    + " answers) and record whether it is online, moved, gone, blocked or unreachable.",
            "An original counts as gone only when two checks at least archive.capture.gone-after apart (default"
                    + " 24 h) found it gone: run this again later to confirm."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every original was checked; the summary says what each check found",
            "1:the checks could not be written, or the archive could not be read",
            "2:usage error"
        })
final class CaptureLinksCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Articles whose originals to check (default: all).")
    List<String> ids;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Check at most N original URLs in this run (default: no limit).")
    int limit;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<OriginalCheck> originalCheck;
    private final Terminal terminal;

    /** @param originalCheck made when the command runs, so that {@code --help} opens no capture store */
    CaptureLinksCommand(ObjectProvider<OriginalCheck> originalCheck, Terminal terminal) {
        this.originalCheck = originalCheck;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            err.println("capture links: --limit must be 0 (no limit) or more, was " + limit);
            return 2;
        }
        Map<OriginalStatus, Integer> found;
        try (TerminalProgress bar = new TerminalProgress(terminal, "Checking", "originals")) {
            found = originalCheck
                    .getObject()
                    .run(ids == null ? List.of() : ids, limit, bar::start, check -> bar.step());
        } catch (NoSuchElementException unknown) {
            err.println("capture links: " + unknown.getMessage());
            return 2;
        } catch (SearchUnavailableException | UncheckedIOException e) {
            err.println("capture links: " + e.getMessage());
            return 1;
        }
        int total = found.values().stream().mapToInt(Integer::intValue).sum();
        out.println(total + (total == 1 ? " original checked: " : " originals checked: ")
                + Stream.of(OriginalStatus.values())
                        .map(status -> found.getOrDefault(status, 0) + " " + status.label())
                        .collect(Collectors.joining(", "))
                + ".");
        out.flush();
        return 0;
    }
}
