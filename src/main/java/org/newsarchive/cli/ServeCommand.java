package org.newsarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: documents the default command. The application's main method starts the web server itself for
 * {@code serve} without arguments; picocli only sees {@code serve} with arguments, which it does not take.
 */
@Component
@Scope("prototype")
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the web archive (the default command): pages, JSON API and feeds on --server.port (8080).",
            "On an empty archive the seed documents (--archive.seeds-dir) are ingested first."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("serve: takes only Spring properties, such as --server.port=8080");
        return 2;
    }
}
