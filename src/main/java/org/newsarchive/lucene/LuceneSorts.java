package org.newsarchive.lucene;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.SortOrder;

/** The archive's orders as Lucene sorts: undated articles come last both newest and oldest first. */
final class LuceneSorts {

    private LuceneSorts() {}

    /** The order of a result page ({@link SortOrder#RELEVANCE} is Lucene's score order). */
    static Sort of(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> Sort.RELEVANCE;
            case NEWEST -> new Sort(new SortField(IndexFields.DATE, SortField.Type.LONG, true));
            case OLDEST -> new Sort(dateAscendingUndatedLast());
            case INGESTED -> new Sort(ingestedDescending());
            case MIRRORED -> new Sort(mirroredDescending());
        };
    }

    /** The order with ties broken by document, total, so that pages can follow each other with searchAfter. */
    static Sort complete(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, SortField.FIELD_DOC);
            case NEWEST -> new Sort(new SortField(IndexFields.DATE, SortField.Type.LONG, true), SortField.FIELD_DOC);
            case OLDEST -> new Sort(dateAscendingUndatedLast(), SortField.FIELD_DOC);
            case INGESTED -> new Sort(ingestedDescending(), SortField.FIELD_DOC);
            case MIRRORED -> new Sort(mirroredDescending(), SortField.FIELD_DOC);
        };
    }

    private static SortField ingestedDescending() {
        return new SortField(IndexFields.INGESTED, SortField.Type.LONG, true);
    }

    /** Unknown mirror times sort as the earliest, so last. */
    private static SortField mirroredDescending() {
        SortField field = new SortField(IndexFields.MIRRORED, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }

    private static SortField dateAscendingUndatedLast() {
        SortField field = new SortField(IndexFields.DATE, SortField.Type.LONG, false);
        field.setMissingValue(Long.MAX_VALUE);
        return field;
    }
}
