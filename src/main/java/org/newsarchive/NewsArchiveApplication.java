package org.newsarchive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.newsarchive.cli.ArchiveCommandLine;
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
 * command; they are split off before the command line is parsed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsArchiveApplication {

    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+=.*");

    public static void main(String[] args) {
        List<String> properties = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (SPRING_PROPERTY.matcher(arg).matches() ? properties : command).add(arg);
        }
        if (command.isEmpty() || command.equals(List.of("serve"))) {
            SpringApplication.run(NewsArchiveApplication.class, properties.toArray(String[]::new));
            return;
        }
        System.exit(runCommand(properties, command));
    }

    /** Runs a command-line command in a context without a web server and returns its exit code. */
    static int runCommand(List<String> properties, List<String> command) {
        SpringApplication application = new SpringApplication(NewsArchiveApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new))) {
            return ArchiveCommandLine.execute(context, command);
        }
    }
}
