package org.newsarchive.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.article.MirrorPoint;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;

/**
 * A history is the same whatever order its copies arrive in: ingest threads finish in any order, and a rebuild
 * reads the raw store in another.
 */
class ArticleHistoryProperties {

    private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

    /** Copies of one article: three contents, each read from two files mirrored at different times. */
    private static final List<Article> COPIES = copies();

    private static List<Article> copies() {
        String[] texts = {"第一版的正文，记者在现场报道。", "第二版的正文，删去了记者的名字。", "第三版的正文，只剩一句。"};
        List<Article> copies = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            String text = texts[day % 3];
            String file = "---\ntitle: 报道\nsource_url: https://news.example.org/1.html\n---\n\n" + text + "\n";
            Instant mirrored = Instant.parse("2021-03-01T00:00:00Z").plusSeconds(86_400L * day);
            NormalizationResult result = NORMALIZER.normalize(
                    file.getBytes(StandardCharsets.UTF_8), "copy-" + day + ".md", mirrored.plusSeconds(3600));
            Article article = ((NormalizationResult.Normalized) result).article();
            MirrorPoint point = new MirrorPoint("mirror", "%040d".formatted(day), mirrored);
            copies.add(article.withProvenance(article.provenance().mirrored(point)));
        }
        return List.copyOf(copies);
    }

    @Provide
    Arbitrary<List<Article>> arrivals() {
        return Arbitraries.shuffle(COPIES);
    }

    @Property(tries = 200, seed = "20261206")
    void theOrderOfArrivalChangesNothing(@ForAll("arrivals") List<Article> arrival) {
        ArticleHistory history = ArticleHistory.of(arrival.get(0));
        for (Article copy : arrival.subList(1, arrival.size())) {
            history = history.with(copy).history();
        }

        assertThat(history.versions())
                .extracting(version -> version.provenance().path())
                .containsExactly("copy-0.md", "copy-1.md", "copy-2.md");
        assertThat(history.versions()).extracting(Article::version).containsExactly(1, 2, 3);
        assertThat(history.current().text()).contains("第三版");
        assertThat(history.current().isCurrent()).isTrue();
    }

    @Property(tries = 50, seed = "20261206")
    void theSameCopyTwiceIsUnchanged(@ForAll("arrivals") List<Article> arrival) {
        ArticleHistory history = ArticleHistory.of(arrival.get(0));
        for (Article copy : arrival) {
            history = history.with(copy).history();
        }
        ArticleHistory complete = history;
        for (Article copy : arrival) {
            assertThat(complete.with(copy).change()).isEqualTo(ArticleHistory.Change.UNCHANGED);
        }
    }

    private static final String A = "甲版的正文，记者在现场报道。";
    private static final String B = "乙版的正文，删去了记者的名字。";
    private static final String C = "丙版的正文，只剩一句。";

    /** A copy of the article at {@code path}, mirrored on {@code day} at commit {@code day}, or read then if null. */
    private static Article copy(String path, String text, int day, boolean mirrored) {
        String file = "---\ntitle: 报道\nsource_url: https://news.example.org/1.html\n---\n\n" + text + "\n";
        Instant at = Instant.parse("2021-03-01T00:00:00Z").plusSeconds(86_400L * day);
        NormalizationResult result = NORMALIZER.normalize(file.getBytes(StandardCharsets.UTF_8), path, at);
        Article article = ((NormalizationResult.Normalized) result).article();
        if (!mirrored) {
            return article;
        }
        MirrorPoint point = new MirrorPoint("mirror", "%040d".formatted(day), at);
        return article.withProvenance(article.provenance().mirrored(point));
    }

    private static ArticleHistory historyOf(List<Article> arrival) {
        ArticleHistory history = ArticleHistory.of(arrival.get(0));
        for (Article copy : arrival.subList(1, arrival.size())) {
            history = history.with(copy).history();
        }
        return history;
    }

    /** One path that goes A → B → A → B → C, beside another that holds A throughout. */
    private static final List<Article> REVERTS = List.of(
            copy("_posts/one.md", A, 0, true),
            copy("_posts/copy.md", A, 0, true),
            copy("_posts/one.md", B, 1, true),
            copy("_posts/one.md", A, 2, true),
            copy("_posts/one.md", B, 3, true),
            copy("_posts/one.md", C, 4, true));

    @Provide
    Arbitrary<List<Article>> revertArrivals() {
        return Arbitraries.shuffle(REVERTS);
    }

    @Property(tries = 200, seed = "20261206")
    void aPathThatReturnsToAContentMakesAVersionThatRestoresIt(@ForAll("revertArrivals") List<Article> arrival) {
        ArticleHistory history = historyOf(arrival);

        assertThat(history.versions())
                .extracting(version -> version.text().substring(0, 1))
                .containsExactly("甲", "乙", "甲", "乙", "丙");
        assertThat(history.versions())
                .as("the first copy of A by path is the first version; the rest are one.md's changes")
                .extracting(version -> version.provenance().path())
                .containsExactly("_posts/copy.md", "_posts/one.md", "_posts/one.md", "_posts/one.md", "_posts/one.md");
        assertThat(history.restores(1)).isEmpty();
        assertThat(history.restores(2)).isEmpty();
        assertThat(history.restores(3)).hasValue(1);
        assertThat(history.restores(4)).hasValue(2);
        assertThat(history.restores(5)).isEmpty();
        assertThat(history.current().text()).startsWith("丙");
    }

    @Test
    void theCurrentVersionIsTheContentOfTheNewestSighting() {
        ArticleHistory history = historyOf(List.of(
                copy("_posts/one.md", A, 2, true),
                copy("_posts/one.md", B, 1, true),
                copy("_posts/one.md", A, 0, true)));

        assertThat(history.versions()).hasSize(3);
        assertThat(history.current().text()).startsWith("甲");
        assertThat(history.current().provenance().commit()).isEqualTo("%040d".formatted(2));
    }

    /**
     * Two files holding the article's two contents, read again and again outside a mirror: copies seen together,
     * never versions by alternating; a later change at either path makes the current version.
     */
    @Test
    void twoPathsReadTogetherDoNotAlternate() {
        ArticleHistory history = historyOf(List.of(copy("x.md", A, 0, false), copy("y.md", B, 0, false)));
        for (int run = 1; run <= 3; run++) {
            ArticleHistory.Merge x = history.with(copy("x.md", A, run, false));
            assertThat(x.change()).isEqualTo(ArticleHistory.Change.UNCHANGED);
            ArticleHistory.Merge y = x.history().with(copy("y.md", B, run, false));
            assertThat(y.change()).isEqualTo(ArticleHistory.Change.UNCHANGED);
            history = y.history();
        }
        assertThat(history.versions()).hasSize(2);

        history = history.with(copy("x.md", C, 4, false)).history();
        assertThat(history.current().text()).startsWith("丙");
        history = history.with(copy("y.md", A, 5, false)).history();
        assertThat(history.versions()).hasSize(3);
        assertThat(history.current().text())
                .as("y.md changed last, to a content x.md held before: no version, and C stays current")
                .startsWith("丙");
        history = history.with(copy("y.md", B, 6, false)).history();
        assertThat(history.versions()).hasSize(4);
        assertThat(history.restores(4)).hasValue(2);
        assertThat(history.current().provenance().path()).isEqualTo("y.md");
    }
}
