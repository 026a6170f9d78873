package org.newsarchive.ingest.normalize;

import java.util.List;
import java.util.Objects;
import org.newsarchive.article.Article;

/**
 * What normalizing one file gave: an article with any repairs noted, a refusal with its reason, or a crash of the
 * normalizer itself. A refusal and a crash both leave the file without an article; only a crash is a bug.
 */
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

    /** The normalizer failed on this file, a bug; {@code problems} ends with a one-line description for reports. */
    record Crashed(Throwable failure, List<IngestProblem> problems) implements NormalizationResult {
        public Crashed {
            Objects.requireNonNull(failure, "failure");
            problems = List.copyOf(problems);
        }
    }
}
