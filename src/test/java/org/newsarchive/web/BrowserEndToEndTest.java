package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reading and search pages in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}),
 * against the real server on a random port, over the seeds plus two fixtures: an article in traditional characters
 * and a hostile article full of script. Screenshots of the main pages, desktop and 360 px wide, go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserEndToEndTest {

    private static final Chromium CHROMIUM = Chromium.find();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(360, 800);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path seedsDir;

    @TempDir
    static Path downloads;

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, seedsDir.resolve(seed.getFileName()));
            }
        }
        for (String fixture :
                List.of("hostile.md", "traditional.md", "xss/body-vectors.html", "xss/front-matter-vectors.md")) {
            Path target = seedsDir.resolve(fixture);
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("src/test/resources/browser", fixture), target);
        }
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", seedsDir::toString);
    }

    @BeforeAll
    static void startBrowser() {
        browser = CHROMIUM.start("zh-CN", downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void desktopWindowInChinese() {
        browser.manage().window().setSize(DESKTOP);
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private void search(String query) {
        WebElement box = browser.findElement(By.cssSelector("input[name=q]"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/search?"));
    }

    private List<String> hitTitles() {
        return browser.findElements(By.cssSelector(".hit h2 a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                browser.manage().window().setSize(size);
                long width = (Long) script("return document.documentElement.scrollWidth");
                assertThat(width)
                        .as(name + " fits " + size.width + " px without sideways scrolling")
                        .isLessThanOrEqualTo(size.width);
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                String suffix = size.equals(DESKTOP) ? "desktop" : "360px";
                Files.copy(
                        shot, SCREENSHOTS.resolve(name + "-" + suffix + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            browser.manage().window().setSize(DESKTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void homeShowsStatisticsLatestArticlesAndWaysIn() {
        open("/");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-Hans");
        assertThat(browser.findElement(By.cssSelector(".stats")).getText()).contains("9", "2021-03", "2022-03-02");
        assertThat(browser.findElements(By.cssSelector(".article-list li"))).hasSize(9);
        assertThat(browser.findElement(By.cssSelector(".browse-entry")).getText())
                .contains("大纪元", "2021");
        screenshot("home");
    }

    @Test
    void slashKeyFocusesTheSearchBox() {
        open("/about");
        browser.findElement(By.tagName("body")).sendKeys("/");

        assertThat(browser.switchTo().activeElement().getDomAttribute("name")).isEqualTo("q");
    }

    @Test
    void traditionalQueryFindsSimplifiedArticlesAndMarksThem() {
        open("/");
        search("網絡互助");

        assertThat(hitTitles()).contains("中国最大网络互助平台“相互宝”被关停");
        assertThat(browser.findElement(By.cssSelector(".hits")).findElements(By.tagName("mark")))
                .extracting(WebElement::getText)
                .contains("网络互助");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).containsPattern("共 \\d+ 篇");
        screenshot("search");
    }

    @Test
    void simplifiedQueryFindsTheTraditionalArticleAndMarksTheOriginalCharacters() {
        open("/");
        search("网络互助平台");

        WebElement hit = browser.findElements(By.cssSelector(".hit")).stream()
                .filter(element -> element.getText().contains("會員權益誰來保障"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.findElements(By.tagName("mark")))
                .extracting(WebElement::getText)
                .contains("網絡互助平臺");
    }

    @Test
    void facetNarrowsTheResultsAndCanBeRemoved() {
        open("/search?q=" + encode("关停"));
        int before = browser.findElements(By.cssSelector(".hit")).size();

        WebElement facet = browser.findElement(
                By.xpath("//section[contains(@class,'facet')][h2='出版方']//a[span[@class='value']='大纪元']"));
        facet.click();
        waiting().until(ExpectedConditions.urlContains("publisher="));

        assertThat(browser.findElements(By.cssSelector(".hit .publisher")))
                .isNotEmpty()
                .extracting(WebElement::getText)
                .containsOnly("大纪元");
        assertThat(browser.findElements(By.cssSelector(".hit")).size()).isLessThan(before);
        browser.findElement(By.cssSelector(".active-filters a.removable")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("publisher=")));
        assertThat(browser.findElements(By.cssSelector(".hit"))).hasSize(before);
    }

    @Test
    void articleFromTheResultsShowsMetadataAndMarksTheSearchedTerms() {
        open("/search?q=" + encode("相互寶"));
        browser.findElement(By.linkText("中国最大网络互助平台“相互宝”被关停")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".article-body")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("中国最大网络互助平台“相互宝”被关停");
        String metadata = browser.findElement(By.cssSelector(".article-meta")).getText();
        assertThat(metadata).contains("大纪元", "李冰", "2021-12-29", "仅知日期");
        assertThat(browser.findElements(By.cssSelector(".article-body mark")))
                .isNotEmpty()
                .extracting(WebElement::getText)
                .containsOnly("相互宝");
        assertThat(browser.findElement(By.cssSelector(".article-source")).getText())
                .contains("原文链接（可能已被屏蔽或删除）");
        assertThat(browser.findElement(By.cssSelector(".copy-permalink")).isDisplayed())
                .isTrue();
        screenshot("article");
    }

    @Test
    void downloadsTheOriginalFileByteForByte() throws Exception {
        open("/search?q=" + encode("相互宝 被关停"));
        browser.findElement(By.linkText("中国最大网络互助平台“相互宝”被关停")).click();
        String path = browser.findElement(By.cssSelector(".provenance code")).getText();
        WebElement download = browser.findElement(By.cssSelector("a.download-original"));

        download.click();

        Path downloaded = downloads.resolve(Path.of(path).getFileName());
        waiting().until(driver -> Files.exists(downloaded) && !Files.exists(Path.of(downloaded + ".crdownload")));
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(seedsDir.resolve(path)));
    }

    @Test
    void missingArticleIsANotFoundPageInTheSiteStyle() throws Exception {
        open("/articles/ffffffffffffffff");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("找不到这个页面");
        assertThat(browser.findElement(By.cssSelector(".site-nav")).isDisplayed())
                .isTrue();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/articles/ffffffffffffffff")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void hostileArticleRunsNothing() {
        open("/search?q=" + encode("惡意標記測試"));
        browser.findElement(By.cssSelector(".hit h2 a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".article-body")));
        WebElement body = browser.findElement(By.cssSelector(".article-body"));
        for (WebElement element : body.findElements(By.cssSelector("*"))) {
            new Actions(browser).moveToElement(element).perform();
        }
        for (WebElement link : body.findElements(By.tagName("a"))) {
            if (!link.getDomAttribute("href").startsWith("http")) {
                link.click();
            }
        }

        assertThat(script("return window.__pwned === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("<script>");
        assertThat(body.findElements(By.cssSelector("script, iframe, object, embed, svg, form, style, meta, base")))
                .isEmpty();
        assertThat(script("return [...document.querySelectorAll('.article-body *')]"
                        + ".flatMap(e => [...e.attributes]).map(a => a.name + '=' + a.value)"
                        + ".filter(a => /^on/i.test(a) || /javascript:/i.test(a))"))
                .asList()
                .isEmpty();
        assertThat(body.getText()).contains("網絡互助平臺的文章正文還在繼續", "最後一段：文章到此結束。");
    }

    /**
     * More than 30 known script vectors, in the body, the front matter (title, subtitle, author, tags, image, link),
     * captions, image and link URLs: on the article, search and feed pages no script runs (the title hook never
     * fires) and nothing that could run code survives in the page.
     */
    @Test
    void xssCorpusRunsNothingOnArticleSearchAndFeedPages() {
        open("/search?q=" + encode("XSS测试"));
        List<String> articles = browser.findElements(By.cssSelector(".hit h2 a")).stream()
                .map(link -> link.getDomAttribute("href"))
                .toList();
        assertThat(articles).hasSize(2);
        assertNothingRan("search");

        for (String article : articles) {
            open(article);
            WebElement body = browser.findElement(By.cssSelector(".article-body"));
            for (WebElement element : body.findElements(By.cssSelector("*"))) {
                new Actions(browser).moveToElement(element).perform();
            }
            assertNothingRan(article);
            assertThat(body.getText()).containsAnyOf("XSS测试正文最后一段", "XSS测试元数据一文的正文");
        }
        open("/feed.atom?q=" + encode("XSS测试"));
        assertNothingRan("feed");
        open("/tags");
        assertNothingRan("tags");
    }

    private void assertNothingRan(String page) {
        assertThat(browser.getTitle()).as(page).isNotEqualTo("pwned");
        assertThat(script("return window.__pwned === undefined")).as(page).isEqualTo(true);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(
                        script(
                                "return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
                                        + ".map(a => a.name + '=' + a.value)"
                                        + ".filter(a => /^on/i.test(a) || /^(href|src|action|formaction|data|srcdoc)=\\s*(javascript|vbscript|data:text)/i.test(a))"))
                .as(page)
                .asList()
                .isEmpty();
        assertThat(browser.findElements(
                        By.cssSelector("main script, main iframe, main object, main embed, main svg script,"
                                + " main form[action^='javascript'], main base, main meta")))
                .as(page)
                .isEmpty();
    }

    @Test
    void remoteImagesLoadOnlyWhenTheReaderAsks() {
        open("/search?q=" + encode("惡意標記測試"));
        browser.findElement(By.cssSelector(".hit h2 a")).click();
        WebElement placeholder = browser.findElement(By.cssSelector(".article-body a.remote-image"));

        assertThat(browser.findElements(By.cssSelector(".article-body img"))).isEmpty();
        assertThat(placeholder.getText()).contains("images.example.invalid");
        placeholder.click();

        // The host does not exist: the image fails, and a note takes its place instead of a broken-image icon.
        WebElement note = waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".article-body .remote-image.failed")));
        assertThat(note.getText()).contains("images.example.invalid");
        assertThat(browser.findElements(By.cssSelector(".article-body img"))).isEmpty();
        assertThat(script("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void languageSwitcherChangesTheInterfaceAndRemembersIt() {
        open("/search?q=" + encode("互助"));
        browser.findElement(By.cssSelector(".languages a[hreflang=en]")).click();
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(".site-nav a"), "Publishers"));

        assertThat(browser.getCurrentUrl()).contains("q=" + encode("互助"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        open("/timeline");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Timeline");
        browser.findElement(By.cssSelector(".languages a[hreflang=zh-Hant]")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "時間線"));
    }

    @Test
    void timelineBarsLinkToTheirMonth() {
        open("/timeline");
        WebElement bar = browser.findElement(By.cssSelector("svg.bars a[aria-label^='2021-12']"));
        bar.click();
        waiting().until(ExpectedConditions.urlContains("year_month=2021-12"));

        assertThat(hitTitles()).contains("中国最大网络互助平台“相互宝”被关停");
        screenshot("timeline-month");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
