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

    @Property(tries = 200)
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

    @Property(tries = 50)
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
}
