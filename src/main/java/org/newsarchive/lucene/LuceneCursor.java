package org.newsarchive.lucene;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.InvalidCursorException;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SortOrder;

/**
 * Cursors of the embedded index: the sort values of a page's last hit, from which {@code searchAfter} goes on. Ties
 * are broken by article id, not by Lucene's document number, so a cursor stays valid after merges and new commits
 * renumber documents. The text is the sort order's name, the hit's first sort value and its id, in URL-safe base64;
 * it is not signed, as it reveals nothing a search does not. Stateless and thread-safe.
 */
final class LuceneCursor {

    private static final Pattern FORM =
            Pattern.compile("(relevance|newest|oldest|ingested|mirrored):([0-9a-f]{1,16}):([0-9a-f]{16})");

    private LuceneCursor() {}

    /** The order of a cursor walk: the request's order, then article id. */
    static Sort sort(SortOrder order) {
        SortField id = new SortField(IndexFields.ID, SortField.Type.STRING);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case NEWEST, OLDEST, INGESTED, MIRRORED ->
                new Sort(LuceneSorts.of(order).getSort()[0], id);
        };
    }

    /**
     * Checks that every segment can be walked in {@link #sort}'s order, which needs the id's doc values.
     *
     * @throws org.newsarchive.search.SearchUnavailableException for an index built before cursors existed
     */
    static void requireIdOrder(IndexReader reader, Path directory) {
        for (LeafReaderContext leaf : reader.leaves()) {
            FieldInfo id = leaf.reader().getFieldInfos().fieldInfo(IndexFields.ID);
            if (id != null && id.getDocValuesType() != DocValuesType.SORTED) {
                throw LuceneFailures.outdated(directory, "the id order that cursors walk");
            }
        }
    }

    /**
     * Where the page after {@code cursor} starts, or null for {@link SearchRequest#FIRST_CURSOR}.
     *
     * @throws InvalidCursorException when no page in this order gave the cursor
     */
    static FieldDoc after(String cursor, SortOrder order) {
        if (SearchRequest.FIRST_CURSOR.equals(cursor)) {
            return null;
        }
        Matcher parts = FORM.matcher(decode(cursor));
        if (!parts.matches()) {
            throw new InvalidCursorException("not a cursor of this archive: " + cursor);
        }
        if (!parts.group(1).equals(name(order))) {
            throw new InvalidCursorException(
                    "the cursor belongs to sort=" + parts.group(1) + ", not to sort=" + name(order));
        }
        long value = Long.parseUnsignedLong(parts.group(2), 16);
        BytesRef id = new BytesRef(parts.group(3));
        // Lucene compares document numbers only between hits with equal sort values, and ids are unique, so the
        // number given here never decides; the largest one skips the cursor's own hit should it tie with itself.
        if (order == SortOrder.RELEVANCE) {
            float score = Float.intBitsToFloat((int) value);
            return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, id});
        }
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, id});
    }

    /** The cursor of the page that follows {@code last}, a hit collected in {@link #sort}'s order. */
    static String following(ScoreDoc last, SortOrder order) {
        Object[] values = ((FieldDoc) last).fields;
        long value = order == SortOrder.RELEVANCE
                ? Integer.toUnsignedLong(Float.floatToIntBits((Float) values[0]))
                : (Long) values[0];
        String id = ((BytesRef) values[1]).utf8ToString();
        String text = name(order) + ":" + Long.toHexString(value) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String name(SortOrder order) {
        return order.name().toLowerCase(Locale.ROOT);
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a cursor of this archive: " + cursor);
        }
    }
}
