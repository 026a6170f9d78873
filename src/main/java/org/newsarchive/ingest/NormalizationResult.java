package org.newsarchive.ingest;

import java.util.List;
import java.util.Objects;
import org.newsarchive.article.Article;

/** What normalizing one file gave: an article with any repairs noted, or a refusal with its reason. */
public sealed interface NormalizationResult {

    List<IngestProblem> problems();

    /** The file was read; {@code problems} lists warnings about repairs. */
    record Normalized(Article article, List<IngestProblem> problems) implements NormalizationResult {
        public Normalized {
            Objects.requireNonNull(article, "article");
            problems = List.copyOf(problems);
        }
    }

    /** The file yields no article; {@code problems} ends with the error that says why. */
    record Refused(List<IngestProblem> problems) implements NormalizationResult {
        public Refused {
            problems = List.copyOf(problems);
        }

        public String reason() {
            return problems.get(problems.size() - 1).message();
        }
    }
}
