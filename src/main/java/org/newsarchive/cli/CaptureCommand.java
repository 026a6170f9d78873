package org.newsarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capture}: the commands that fetch what surrounds the archived texts, each fetch kept in WARC. */
@Component
@Scope("prototype")
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch what surrounds the archived texts, keeping every fetch as a WARC record under DATA_DIR/captures.",
            "Only public addresses on ports 80 and 443 are fetched, one request at a time per host."
        },
        subcommands = {CaptureMediaCommand.class, CaptureLinksCommand.class})
final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("capture: give what to capture: media or links");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
