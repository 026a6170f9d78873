package org.newsarchive.lucene;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.util.BytesRef;

/**
 * Compresses the summary doc value ({@link org.newsarchive.schema.IndexFields#SUMMARY}): the JSON of an article
 * without its text, about a kilobyte. Lucene stores binary doc values as they are, so the summaries of 100,000
 * articles took 100 MB, an eighth of the index. Each one is deflated on its own, with a preset dictionary of the
 * record's field names and common values, so that a single small summary compresses almost as well as a block of
 * them would; a result list inflates twenty of them in microseconds.
 *
 * <p>A compressed summary starts with the byte {@value #DEFLATED_V1}, which no JSON text starts with; a summary
 * written before compression (plain JSON, starting with {@code '{'}) is read as it is, so no reindex is needed. The
 * dictionary is part of the format: changing it needs a new leading byte. Thread-safe: each thread keeps its own
 * deflater and inflater.
 */
final class SummaryCodec {

    static final byte DEFLATED_V1 = 1;

    /** Field names and values that most summaries hold, most frequent last, as zlib favours the dictionary's end. */
    private static final byte[] DICTIONARY = ("\"caption\":null,\"alt\":null},{\"url\":\"https://"
                    + "\"subtitle\":null,\"channel\":null,\"authors\":[],\"editors\":[],\"tags\":[],\"categories\":[],"
                    + "\"keywords\":[],\"leadImage\":null,\"images\":[],\"language\":\"ZH_HANT\",\"text\":\"\","
                    + "\"html\":\"\",\"charCount\":,\"readingMinutes\":,\"provenance\":{\"path\":\"\",\"format\":\"HTML\","
                    + "\"sha256\":\"\",\"encoding\":\"UTF-8\",\"ingestedAt\":\"2026-T:Z\"}}"
                    + "\"precision\":\"DATE_TIME\",\"source\":\"FRONT_MATTER\",\"assumedOffset\":null,\"inferred\":false},"
                    + "\"publisher\":\"GNews\",\"channel\":\"NFSC News\",\"sourceUrl\":\"https://gnews.org/articles/\","
                    + "\"leadImage\":{\"url\":\"https://assets.gnews.org/wp-content/uploads/2021/\",\"caption\":null,\"alt\":null},"
                    + "\"language\":\"ZH_HANS\",\"format\":\"MARKDOWN\","
                    + "{\"id\":\"\",\"title\":\"\",\"subtitle\":null,\"publishedAt\":{\"instant\":\"\",\"date\":\"\",")
            .getBytes(StandardCharsets.UTF_8);

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(6));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater());

    private SummaryCodec() {}

    static BytesRef compress(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
        out.write(DEFLATED_V1);
        byte[] buffer = new byte[Math.max(64, json.length)];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return new BytesRef(out.toByteArray());
    }

    /** The summary's JSON, whether it was stored compressed or plain. */
    static BytesRef decompress(BytesRef stored) {
        if (stored.length == 0 || stored.bytes[stored.offset] != DEFLATED_V1) {
            return stored;
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(stored.bytes, stored.offset + 1, stored.length - 1);
        byte[] json = new byte[stored.length * 4];
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == json.length) {
                    json = Arrays.copyOf(json, json.length * 2);
                }
                int read = inflater.inflate(json, length, json.length - length);
                if (read == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                } else if (read == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw new IllegalStateException("a summary doc value is cut short");
                }
                length += read;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a summary doc value is corrupt: " + e.getMessage(), e);
        }
        return new BytesRef(json, 0, length);
    }
}
