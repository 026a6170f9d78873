package org.newsarchive.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Finds the distribution's Chromium and its ChromeDriver for the browser tests: {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} when set, else the first of the usual names on the {@code PATH}. The tests never download a
 * browser; without one they fail with how to install it.
 */
public record Chromium(Path browser, Path driver) {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final String INSTALL = "the browser tests need a Chromium and its ChromeDriver from the"
            + " distribution: sudo apt-get install -y chromium chromium-driver (or set CHROME_BIN and CHROMEDRIVER)";

    /**
     * The installed browser and driver.
     *
     * @throws IllegalStateException naming how to install them, when either is missing
     */
    public static Chromium find() {
        Path browser = fromEnvironment("CHROME_BIN")
                .or(() ->
                        BROWSERS.stream().flatMap(name -> onPath(name).stream()).findFirst())
                .orElseThrow(() -> new IllegalStateException("no Chromium found: " + INSTALL));
        Path driver = fromEnvironment("CHROMEDRIVER")
                .or(() -> onPath("chromedriver"))
                .orElseThrow(() -> new IllegalStateException("no chromedriver found: " + INSTALL));
        return new Chromium(browser, driver);
    }

    private static Optional<Path> fromEnvironment(String variable) {
        return Optional.ofNullable(System.getenv(variable))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable);
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * A headless browser with an interface language, downloading into {@code downloads}; quit it when done.
     *
     * @param language an Accept-Language tag such as {@code zh-CN}
     */
    public ChromeDriver start(String language, Path downloads) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--disable-dev-shm-usage",
                        "--lang=" + language,
                        "--accept-lang=" + language + ",zh");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        preferences.put("intl.accept_languages", language + ",zh");
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return started;
    }
}
