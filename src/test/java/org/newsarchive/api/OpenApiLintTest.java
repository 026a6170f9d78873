package org.newsarchive.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.testing.ExternalTool;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The served OpenAPI description, linted as a script author's tools lint it: Redocly's recommended rules and
 * Spectral's {@code spectral:oas}, at the versions pinned in {@code src/test/node/package.json}. Both must find no
 * error (warnings are allowed). The test fetches nothing: the linters are installed beforehand with
 * {@code npm ci --prefix src/test/node} (Node.js 20 or later), which {@code .ci/run} does, and it fails saying so
 * where they are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiLintTest {

    private static final Path TOOLS = Path.of("src/test/node").toAbsolutePath();
    private static final Path REDOCLY = TOOLS.resolve("node_modules/.bin/redocly");
    private static final Path SPECTRAL = TOOLS.resolve("node_modules/.bin/spectral");
    private static final String INSTALL = "the OpenAPI lint tests need the linters pinned in " + TOOLS
            + "/package.json: install them with `npm ci --prefix src/test/node` (Node.js 20 or later;"
            + " .ci/run does this)";
    /** Neither linter reports usage or looks for updates while it runs. */
    private static final Map<String, String> OFFLINE = Map.of(
            "REDOCLY_TELEMETRY", "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
            "DO_NOT_TRACK", "1");

    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", () -> "seeds");
    }

    @LocalServerPort
    int port;

    private Path description;

    @BeforeEach
    void saveTheServedDescription() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        description = Files.writeString(work.resolve("openapi.json"), docs.body());
    }

    /** Fails with how to install the linter when it is not there, instead of fetching it. */
    private static String installed(Path linter) {
        assertThat(Files.isExecutable(linter)).as(INSTALL).isTrue();
        return linter.toString();
    }

    @Test
    void redoclysRecommendedRulesFindNoError() {
        ExternalTool.Run lint = ExternalTool.run(
                work,
                LINT_TIMEOUT,
                INSTALL,
                List.of(installed(REDOCLY), "lint", "--extends", "recommended", description.toString()),
                OFFLINE);

        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.output()).as("%s", lint).contains("valid");
    }

    @Test
    void spectralsOasRulesFindNoError() throws Exception {
        Path ruleset = Files.writeString(work.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");

        ExternalTool.Run lint = ExternalTool.run(
                work,
                LINT_TIMEOUT,
                INSTALL,
                List.of(
                        installed(SPECTRAL),
                        "lint",
                        "--ruleset",
                        ruleset.toString(),
                        "--fail-severity",
                        "error",
                        description.toString()),
                OFFLINE);

        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.output()).as("%s", lint).doesNotContain(" error ");
    }
}
