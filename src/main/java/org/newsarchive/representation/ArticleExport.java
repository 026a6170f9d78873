package org.newsarchive.representation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.newsarchive.article.Article;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every article matching a search, not one page, as JSON lines or CSV. Articles are written as they are
 * read, so memory stays constant whatever the archive's size. CSV text cells are neutralized against formula
 * injection ({@link #cell}). The API and the CLI both export through here.
 */
public final class ArticleExport {

    private static final String[] CSV_COLUMNS = {
        "id",
        "title",
        "subtitle",
        "publisher",
        "channel",
        "authors",
        "publishedAt",
        "publishedPrecision",
        "sourceUrl",
        "tags",
        "language",
        "charCount",
        "url",
        "sourcePath",
        "sha256",
        "text",
        "mirroredAt",
        "ingestedAt",
        "version",
        "versionCount",
        "original",
        "originalCheckedAt"
    };

    private final SearchService search;
    private final JsonMapper json;
    private final CaptureView images;

    /** @param images the images the archive holds copies of, which each record points at */
    public ArticleExport(SearchService search, JsonMapper json, CaptureView images) {
        this.images = images;
        this.search = search;
        this.json = json;
    }

    /**
     * How the export of {@code request} relaxes its query, known before its first line is written so that the
     * answer's headers can say it: the same rule {@link SearchService#forEachMatch} follows.
     */
    public SearchResults.Fallback fallback(SearchRequest request) {
        return search.search(request.firstHit()).fallback();
    }

    /**
     * Writes the matches of {@code request} (its page and size are ignored) to {@code out}, UTF-8, and flushes.
     *
     * @param baseUrl prefix of the article links in the output
     * @return the number of articles written
     * @throws UncheckedIOException when {@code out} fails, such as a client that went away
     */
    public long write(SearchRequest request, ExportFormat format, String baseUrl, OutputStream out) {
        return write(request, format, baseUrl, false, RecordFields.EXPORTED, false, out);
    }

    /**
     * As {@link #write(SearchRequest, ExportFormat, String, OutputStream)}, starting a CSV export with a UTF-8 byte
     * order mark when {@code byteOrderMark}: Excel reads a CSV file without one in the system's legacy code page, so
     * Chinese text turns to mojibake. JSON lines never get one; each line carries {@code fields} (CSV has its own
     * columns).
     *
     * @param allVersions whether every version of each article is written, oldest first, each a line with its
     *     {@code version}; else its current version alone
     * @return the number of lines written, versions counted one by one
     */
    public long write(
            SearchRequest request,
            ExportFormat format,
            String baseUrl,
            boolean byteOrderMark,
            RecordFields fields,
            boolean allVersions,
            OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            if (byteOrderMark && format == ExportFormat.CSV) {
                writer.write('\uFEFF');
            }
            long[] lines = new long[1];
            switch (format) {
                case JSONL ->
                    forEachVersion(request, allVersions, article -> {
                        jsonLine(article, baseUrl, fields, writer);
                        lines[0]++;
                    });
                case CSV -> csv(request, baseUrl, allVersions, writer, lines);
            }
            writer.flush();
            return lines[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void jsonLine(Article article, String baseUrl, RecordFields fields, Writer writer) {
        try {
            writer.write(
                    json.writeValueAsString(fields.select(ArticleRecord.of(article, baseUrl, null, images), json)));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands over each matching article, or each version of each one, oldest first, when {@code allVersions}. */
    private void forEachVersion(SearchRequest request, boolean allVersions, Consumer<Article> consumer) {
        search.forEachMatch(request, article -> {
            if (!allVersions || article.versionCount() == 1) {
                consumer.accept(article);
                return;
            }
            search.history(article.id())
                    .map(ArticleHistory::versions)
                    .orElse(List.of(article))
                    .forEach(consumer);
        });
    }

    private void csv(SearchRequest request, String baseUrl, boolean allVersions, Writer writer, long[] lines)
            throws IOException {
        CSVPrinter printer = new CSVPrinter(
                writer, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get());
        forEachVersion(request, allVersions, article -> {
            lines[0]++;
            ArticleRecord record = ArticleRecord.of(article, baseUrl, null, images);
            try {
                printer.printRecord(
                        record.id(),
                        cell(record.title()),
                        cell(record.subtitle()),
                        cell(record.publisher()),
                        cell(record.channel()),
                        cell(String.join("; ", record.authors())),
                        record.publishedAt(),
                        record.publishedPrecision(),
                        cell(record.sourceUrl()),
                        cell(String.join("; ", record.tags())),
                        record.language(),
                        record.charCount(),
                        record.url(),
                        cell(record.source().path()),
                        record.source().sha256(),
                        cell(record.text()),
                        record.mirroredAt(),
                        record.ingestedAt(),
                        record.version(),
                        record.versionCount(),
                        record.original().status(),
                        record.original().checkedAt());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    /**
     * A text cell that a spreadsheet will not run as a formula: one starting with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading apostrophe, as OWASP's guidance on CSV injection says
     * (a mirrored title {@code =HYPERLINK("http://evil.example",…)} would otherwise become a live link).
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";
}
