package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.newsarchive.version.VersionDiff;

/**
 * The public JSON form of a comparison of two versions: the fields that changed, and the text paragraph by
 * paragraph, each a list of runs kept, removed or added.
 */
public record VersionDiffDocument(
        String id,
        int from,
        int to,

        @Schema(description = "Whether the texts differ only in script (traditional or simplified), width or case")
        boolean sameTextOtherScript,

        List<VersionDiff.FieldChange> fields,
        List<ParagraphDocument> paragraphs) {

    /** One paragraph: {@code same}, {@code changed}, {@code added} or {@code removed}. */
    public record ParagraphDocument(
            @Schema(allowableValues = {"same", "changed", "added", "removed"})
            String kind,

            List<SegmentDocument> segments) {}

    /** A run of characters: {@code kept}, {@code removed} or {@code added}. */
    public record SegmentDocument(
            @Schema(allowableValues = {"kept", "removed", "added"})
            String kind,

            String text) {}

    public static VersionDiffDocument of(VersionDiff diff) {
        return new VersionDiffDocument(
                diff.to().id(),
                diff.from().version(),
                diff.to().version(),
                diff.sameTextOtherScript(),
                diff.fields(),
                diff.paragraphs().stream()
                        .map(paragraph -> new ParagraphDocument(
                                ArticleRecord.lower(paragraph.kind()),
                                paragraph.segments().stream()
                                        .map(segment -> new SegmentDocument(
                                                ArticleRecord.lower(segment.kind()), segment.text()))
                                        .toList()))
                        .toList());
    }
}
