package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.testing.Chromium;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every kind of page passes Deque's axe-core rules (WCAG 2.2 A and AA, and axe's best practices) in a real headless
 * Chromium, in light and dark colours, at desktop size and 360 px wide, with no violation. Each page is also saved as a screenshot, desktop and
 * 360 px wide, to {@code target/screenshots/}, for a reader's eye.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(360, 800);
    private static final List<String> RULE_SETS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path seedsDir;

    @TempDir
    static Path downloads;

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    SearchService search;

    @Autowired
    IngestService ingest;

    /** An article of the seeds that a later copy edits, so that it has versions to list and compare. */
    private static final String VERSIONED = "src/test/resources/browser/versioned.md";

    private static String versionedId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, seedsDir.resolve(seed.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/browser/traditional.md"), seedsDir.resolve("traditional.md"));
        Files.copy(Path.of(VERSIONED), seedsDir.resolve("versioned.md"));
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", seedsDir::toString);
    }

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.find().start("zh-CN", downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Stream<Arguments> pages() {
        String query = encode("互助");
        List<Arguments> pages = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            pages.add(Arguments.of("home", "/", theme));
            pages.add(Arguments.of("search", "/search?q=" + query, theme));
            pages.add(Arguments.of("search-en", "/search?lang=en&q=" + query, theme));
            pages.add(Arguments.of("search-hant", "/search?lang=zh-Hant&q=" + query, theme));
            pages.add(Arguments.of("search-empty", "/search?q=zzqqxxyy", theme));
            pages.add(Arguments.of("article", "ARTICLE", theme));
            pages.add(Arguments.of("article-marked", "ARTICLE?q=" + query, theme));
            pages.add(Arguments.of("article-earlier-version", "VERSIONED?version=1", theme));
            pages.add(Arguments.of("diff", "VERSIONED/diff?from=1&to=2", theme));
            pages.add(Arguments.of("publishers", "/publishers", theme));
            pages.add(Arguments.of("tags", "/tags", theme));
            pages.add(Arguments.of("timeline", "/timeline", theme));
            pages.add(Arguments.of("about", "/about", theme));
            pages.add(Arguments.of("not-found", "/articles/0000000000000000", theme));
            pages.add(Arguments.of("bad-request", "/search?page=0&q=" + query, theme));
            pages.add(Arguments.of("api-docs", "/api/docs", theme));
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("pages")
    void pageHasNoAccessibilityViolation(String name, String path, String theme) {
        String address = path.replace("ARTICLE", "/articles/" + anArticle())
                .replace("VERSIONED", "/articles/" + versionedArticle());
        browser.manage().window().setSize(DESKTOP);
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
        browser.get("http://localhost:" + port + address);
        if (name.equals("api-docs")) {
            waitForSwaggerUi();
        }

        List<String> violations = new ArrayList<>(violations("desktop"));
        browser.manage().window().setSize(PHONE);
        violations.addAll(violations("360 px"));

        screenshot(name + (theme.equals("dark") ? "-dark" : ""));
        assertThat(violations).as(address + " in " + theme).isEmpty();
    }

    /**
     * The API documentation page before Swagger UI has drawn anything, as a reader without script (or on a slow
     * line) sees it: its own frame gives the page its landmarks, main among them.
     */
    @Test
    void theApiDocumentationHasItsLandmarksWithoutItsScript() {
        browser.manage().window().setSize(DESKTOP);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*swagger-ui-bundle.js*")));
        try {
            browser.get("http://localhost:" + port + "/api/docs");

            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("main#main")))
                    .hasSize(1);
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(".opblock")))
                    .as("Swagger UI was kept from drawing")
                    .isEmpty();
            assertThat(violations("desktop, no Swagger UI")).isEmpty();
        } finally {
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    /** The drawn API documentation has one main landmark, the page's, with Swagger UI's operations inside it. */
    @Test
    void theDrawnApiDocumentationHasOneMainLandmark() {
        browser.manage().window().setSize(DESKTOP);
        browser.get("http://localhost:" + port + "/api/docs");
        waitForSwaggerUi();

        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("main")))
                .hasSize(1);
        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("main#main .opblock")))
                .isNotEmpty();
    }

    /** What axe finds on the page as it is drawn now, each violation named with the window it was found in. */
    private List<String> violations(String window) {
        Results results = new AxeBuilder().withTags(RULE_SETS).analyze(browser);
        return describe(results.getViolations()).stream()
                .map(violation -> window + ": " + violation)
                .toList();
    }

    /** The API documentation draws itself with script; axe must see the drawn page. */
    private void waitForSwaggerUi() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(org.openqa.selenium.By.cssSelector(".opblock"))
                        .isEmpty());
    }

    /**
     * The id of the seed article with a second and a third version, which are ingested the first time it is asked
     * for, so that the comparison of the first two has a newer change to step to.
     */
    private String versionedArticle() {
        if (versionedId == null) {
            try {
                String edited = Files.readString(Path.of(VERSIONED))
                        .replace("互助平台关停后的会员", "互助平台关停后，会员的保障")
                        .replace("他在关停前三天确诊，至今没有拿到任何补偿。", "他在关停前确诊。");
                versionedId = ingest.ingestBytes(edited.getBytes(StandardCharsets.UTF_8), "edited/versioned.md")
                        .id();
                String editedAgain = edited.replace("他在关停前确诊。", "他在关停前确诊，此后再无消息。");
                ingest.ingestBytes(editedAgain.getBytes(StandardCharsets.UTF_8), "edited-again/versioned.md");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versionedId;
    }

    private String anArticle() {
        return search.search(SearchRequest.of("互助")).hits().get(0).article().id();
    }

    /** Each violation as one line: the rule, its impact and the first few elements at fault. */
    private static List<String> describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .limit(3)
                                .map(node -> node.getTarget().toString())
                                .toList())
                .toList();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                browser.manage().window().setSize(size);
                ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                String suffix = size.equals(DESKTOP) ? "desktop" : "360px";
                Files.copy(
                        shot,
                        SCREENSHOTS.resolve("page-" + name + "-" + suffix + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            browser.manage().window().setSize(DESKTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
