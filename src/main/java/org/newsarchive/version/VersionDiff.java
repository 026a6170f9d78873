package org.newsarchive.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;

/**
 * What changed from one version of an article to another: its title and metadata field by field, and its text
 * paragraph by paragraph, as a historian compares two copies of a censored article.
 *
 * <p>Paragraphs and characters are compared folded ({@link ChineseAnalysis#fold}: traditional as simplified, full
 * width as half width, any case), so a copy converted to the other script is the same text, and a changed paragraph
 * shows only the characters that changed, in the original characters of each side. Paragraphs are aligned with
 * Myers' diff (java-diff-utils); a run of removed paragraphs next to a run of added ones is shown as changed
 * paragraphs, pair by pair. Immutable.
 *
 * @param fields the fields whose values differ, in the record's order
 * @param paragraphs every paragraph of both versions in reading order
 * @param sameTextOtherScript whether the texts differ only in script, width or case
 */
public record VersionDiff(
        Article from, Article to, List<FieldChange> fields, List<Paragraph> paragraphs, boolean sameTextOtherScript) {

    /** A field whose value changed; values are shown as text, lists joined with commas, absent as empty. */
    public record FieldChange(String field, String before, String after) {

        /** The older value as runs kept and removed, in its own characters, compared folded with the newer. */
        public List<Segment> beforeSegments() {
            return side(before, after, true);
        }

        /** The newer value as runs kept and added, in its own characters, compared folded with the older. */
        public List<Segment> afterSegments() {
            return side(before, after, false);
        }
    }

    /** One paragraph of the comparison. */
    public record Paragraph(Kind kind, List<Segment> segments) {

        /** The paragraph's text on the newer side (or the older, for a removed one). */
        public String text() {
            StringBuilder text = new StringBuilder();
            segments.stream()
                    .filter(segment -> segment.kind() != Segment.Kind.REMOVED)
                    .forEach(s -> text.append(s.text()));
            return text.toString();
        }
    }

    /** How a paragraph differs. */
    public enum Kind {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }

    /** A run of characters kept, removed or added; a kept run is in the newer version's characters. */
    public record Segment(Kind kind, String text) {
        /** How a run of characters differs. */
        public enum Kind {
            KEPT,
            REMOVED,
            ADDED
        }
    }

    /** How many paragraphs of each kind; for one-line summaries. */
    public long count(Kind kind) {
        return paragraphs.stream().filter(paragraph -> paragraph.kind() == kind).count();
    }

    /** Compares version {@code from} with the later (or any other) version {@code to} of one article. */
    public static VersionDiff between(Article from, Article to) {
        List<String> before = paragraphsOf(from.text());
        List<String> after = paragraphsOf(to.text());
        List<Paragraph> paragraphs = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        Function<String, String> fold = text -> folded.computeIfAbsent(text, ChineseAnalysis::fold);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(
                        before, after, (left, right) -> fold.apply(left).equals(fold.apply(right)))
                .getDeltas();
        int older = 0;
        int newer = 0;
        for (AbstractDelta<String> delta : deltas) {
            for (; older < delta.getSource().getPosition(); older++, newer++) {
                paragraphs.add(same(after.get(newer)));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int paired = delta.getType() == DeltaType.CHANGE ? Math.min(removed.size(), added.size()) : 0;
            for (int i = 0; i < paired; i++) {
                paragraphs.add(changed(removed.get(i), added.get(i)));
            }
            removed.subList(paired, removed.size())
                    .forEach(text -> paragraphs.add(whole(Kind.REMOVED, Segment.Kind.REMOVED, text)));
            added.subList(paired, added.size())
                    .forEach(text -> paragraphs.add(whole(Kind.ADDED, Segment.Kind.ADDED, text)));
            older += removed.size();
            newer += added.size();
        }
        for (; older < before.size(); older++, newer++) {
            paragraphs.add(same(after.get(newer)));
        }
        boolean otherScript = !from.text().equals(to.text())
                && ChineseAnalysis.fold(from.text()).equals(ChineseAnalysis.fold(to.text()));
        return new VersionDiff(from, to, fieldChanges(from, to), List.copyOf(paragraphs), otherScript);
    }

    private static Paragraph same(String text) {
        return whole(Kind.SAME, Segment.Kind.KEPT, text);
    }

    private static Paragraph whole(Kind kind, Segment.Kind segment, String text) {
        return new Paragraph(kind, List.of(new Segment(segment, text)));
    }

    /** A changed paragraph, character by character (by code point), compared folded. */
    private static Paragraph changed(String before, String after) {
        List<String> left = codePoints(before);
        List<String> right = codePoints(after);
        List<Segment> segments = new ArrayList<>();
        int target = 0;
        for (AbstractDelta<String> delta : deltas(left, right)) {
            int start = delta.getTarget().getPosition();
            append(segments, Segment.Kind.KEPT, String.join("", right.subList(target, start)));
            append(
                    segments,
                    Segment.Kind.REMOVED,
                    String.join("", delta.getSource().getLines()));
            append(
                    segments,
                    Segment.Kind.ADDED,
                    String.join("", delta.getTarget().getLines()));
            target = start + delta.getTarget().size();
        }
        append(segments, Segment.Kind.KEPT, String.join("", right.subList(target, right.size())));
        return new Paragraph(Kind.CHANGED, List.copyOf(segments));
    }

    /**
     * One side of a character comparison: the older value as kept and removed runs, or the newer as kept and added
     * ones, each in the characters of that side, so an old title is never shown in the new one's script.
     */
    private static List<Segment> side(String before, String after, boolean older) {
        List<String> left = codePoints(before);
        List<String> right = codePoints(after);
        List<String> shown = older ? left : right;
        Segment.Kind changedKind = older ? Segment.Kind.REMOVED : Segment.Kind.ADDED;
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : deltas(left, right)) {
            var chunk = older ? delta.getSource() : delta.getTarget();
            append(segments, Segment.Kind.KEPT, String.join("", shown.subList(position, chunk.getPosition())));
            append(segments, changedKind, String.join("", chunk.getLines()));
            position = chunk.getPosition() + chunk.size();
        }
        append(segments, Segment.Kind.KEPT, String.join("", shown.subList(position, shown.size())));
        return List.copyOf(segments);
    }

    /** Myers' diff of two code point lists, characters compared folded. */
    private static List<AbstractDelta<String>> deltas(List<String> left, List<String> right) {
        Map<String, String> folded = new HashMap<>();
        Function<String, String> fold = character -> folded.computeIfAbsent(character, ChineseAnalysis::fold);
        return DiffUtils.diff(left, right, (a, b) -> fold.apply(a).equals(fold.apply(b)))
                .getDeltas();
    }

    private static void append(List<Segment> segments, Segment.Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).kind() == kind) {
            segments.set(last, new Segment(kind, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }

    private static List<String> codePoints(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }

    /** The text's paragraphs: the blocks between blank lines, stripped, empty ones left out. */
    static List<String> paragraphsOf(String text) {
        return Arrays.stream(text.split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }

    private static List<FieldChange> fieldChanges(Article from, Article to) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "title", from.title(), to.title());
        compare(changes, "subtitle", from.subtitle(), to.subtitle());
        compare(changes, "publishedAt", iso(from), iso(to));
        compare(changes, "publisher", from.publisher(), to.publisher());
        compare(changes, "channel", from.channel(), to.channel());
        compare(changes, "authors", joined(from.authors()), joined(to.authors()));
        compare(changes, "editors", joined(from.editors()), joined(to.editors()));
        compare(changes, "sourceUrl", from.sourceUrl(), to.sourceUrl());
        compare(changes, "tags", joined(from.tags()), joined(to.tags()));
        compare(changes, "categories", joined(from.categories()), joined(to.categories()));
        compare(changes, "keywords", joined(from.keywords()), joined(to.keywords()));
        compare(
                changes,
                "images",
                String.valueOf(from.images().size()),
                String.valueOf(to.images().size()));
        compare(
                changes,
                "videos",
                String.valueOf(from.videos().size()),
                String.valueOf(to.videos().size()));
        return List.copyOf(changes);
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        String left = Objects.requireNonNullElse(before, "");
        String right = Objects.requireNonNullElse(after, "");
        if (!left.equals(right)) {
            changes.add(new FieldChange(field, left, right));
        }
    }

    private static String iso(Article article) {
        return article.publishedAt() == null ? null : article.publishedAt().iso();
    }

    private static String joined(List<String> values) {
        return String.join(", ", values);
    }
}
