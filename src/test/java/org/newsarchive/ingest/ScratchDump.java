package org.newsarchive.ingest;

import java.nio.file.*;
import java.time.Instant;

public class ScratchDump {
    public static void main(String[] args) throws Exception {
        ArticleNormalizer normalizer = new ArticleNormalizer(10 << 20);
        for (String arg : args) {
            Path p = Path.of(arg);
            var r = normalizer.normalize(Files.readAllBytes(p), p.getFileName().toString(), Instant.now());
            if (r instanceof NormalizationResult.Normalized n) {
                var a = n.article();
                System.out.println("=== " + arg + " problems=" + n.problems());
                System.out.println("id=" + a.id() + " title=" + a.title() + " | date=" + (a.publishedAt() == null ? null : a.publishedAt().iso() + " " + a.publishedAt().source() + " inferred=" + a.publishedAt().inferred()));
                System.out.println("publisher=" + a.publisher() + " channel=" + a.channel() + " authors=" + a.authors() + " editors=" + a.editors());
                System.out.println("url=" + a.sourceUrl() + " tags=" + a.tags() + " cats=" + a.categories() + " kw=" + a.keywords() + " lang=" + a.language());
                System.out.println("lead=" + a.leadImage() + "\nimages=" + a.images());
                System.out.println("format=" + a.provenance().format() + " chars=" + a.charCount() + " min=" + a.readingMinutes());
                System.out.println("--- text\n" + (System.getenv("FULL") != null ? a.text() : a.text().substring(0, Math.min(400, a.text().length())) + "\n...\n" + a.text().substring(Math.max(0, a.text().length() - 300))));
                if (System.getenv("HTML") != null) System.out.println("--- html\n" + a.html());
            } else {
                System.out.println("=== " + arg + " REFUSED " + r.problems());
            }
        }
    }
}
