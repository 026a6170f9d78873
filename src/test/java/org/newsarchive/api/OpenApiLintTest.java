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
 * Spectral's {@code spectral:oas}, each run with {@code npx} at a pinned version. Both must find no error (warnings
 * are allowed). Needs Node.js 20 or later with npm; {@code .ci/run} checks for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiLintTest {

    static final String REDOCLY = "@redocly/cli@2.77.0";
    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    private static final String INSTALL = "the OpenAPI lint tests need Node.js 20 or later with npm and npx"
            + " (sudo apt-get install -y nodejs npm); they fetch the linters from the npm registry";
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

    @Test
    void redoclysRecommendedRulesFindNoError() {
        ExternalTool.Run lint = ExternalTool.run(
                work,
                LINT_TIMEOUT,
                INSTALL,
                List.of("npx", "--yes", REDOCLY, "lint", "--extends", "recommended", description.toString()));

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
                        "npx",
                        "--yes",
                        SPECTRAL,
                        "lint",
                        "--ruleset",
                        ruleset.toString(),
                        "--fail-severity",
                        "error",
                        description.toString()));

        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.output()).as("%s", lint).doesNotContain(" error ");
    }
}
