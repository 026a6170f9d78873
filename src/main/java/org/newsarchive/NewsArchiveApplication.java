package org.newsarchive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.newsarchive.cli.ArchiveCommandLine;
import org.newsarchive.cli.Terminal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the archive: {@code serve} (the default) runs the web server; any other command runs once on the
 * command line and exits with its code.
 *
 * <p>Spring properties such as {@code --archive.data-dir=DIR} or {@code --server.port=N} may be given to every
 * command; they are split off before the command line is parsed. Commands run in a context whose beans are created
 * on first use, so that a command opens only what it needs: {@code search}, {@code stats}, {@code export} and every
 * {@code --help} read the index without taking its writer, and work beside a running server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsArchiveApplication {

    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+=.*");

    public static void main(String[] args) {
        Arguments arguments = Arguments.split(args);
        if (arguments.serves()) {
            SpringApplication.run(NewsArchiveApplication.class, arguments.properties());
            return;
        }
        System.exit(runCommand(arguments, Terminal.system()));
    }

    /**
     * Runs a command-line command, as the shell would, writing to {@code terminal}, and returns its exit code.
     *
     * @param args the command line, Spring properties included; not {@code serve}
     */
    public static int runCommand(List<String> args, Terminal terminal) {
        Arguments arguments = Arguments.split(args.toArray(String[]::new));
        if (arguments.serves()) {
            throw new IllegalArgumentException("serve runs the web server, not a command: " + args);
        }
        return runCommand(arguments, terminal);
    }

    private static int runCommand(Arguments arguments, Terminal terminal) {
        SpringApplication application = new SpringApplication(NewsArchiveApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setLazyInitialization(true);
        try (ConfigurableApplicationContext context = application.run(arguments.properties())) {
            return ArchiveCommandLine.execute(context, arguments.command(), terminal);
        }
    }

    /** The command line split into Spring properties and the command with its own arguments. */
    private record Arguments(String[] properties, List<String> command) {

        static Arguments split(String[] args) {
            List<String> properties = new ArrayList<>();
            List<String> command = new ArrayList<>();
            for (String arg : args) {
                (SPRING_PROPERTY.matcher(arg).matches() ? properties : command).add(arg);
            }
            return new Arguments(properties.toArray(String[]::new), command);
        }

        boolean serves() {
            return command.isEmpty() || command.equals(List.of("serve"));
        }
    }
}
