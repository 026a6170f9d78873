package org.newsarchive.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.version.VersionDiff.Kind;
import org.newsarchive.version.VersionDiff.Segment;

class VersionDiffTest {

    private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

    /** Each article is read a second after the one before, so histories order them as written. */
    private static long readAt;

    private static Article article(String title, String tags, String... paragraphs) {
        String file = "---\ntitle: " + title + "\nsource_url: https://news.example.org/1.html\ntags: [" + tags
                + "]\n---\n\n" + String.join("\n\n", paragraphs) + "\n";
        NormalizationResult result =
                NORMALIZER.normalize(file.getBytes(StandardCharsets.UTF_8), "a.md", Instant.ofEpochSecond(++readAt));
        return ((NormalizationResult.Normalized) result).article();
    }

    @Test
    void aChangedParagraphShowsTheCharactersRemovedAndAddedAndTheRestIsKept() {
        Article before = article("报道", "疫情", "第一段没有改动。", "警方拘留了三名记者。", "第三段被删去了。");
        Article after = article("报道", "疫情", "第一段没有改动。", "警方拘留了记者。", "新加的一段。");

        VersionDiff diff = VersionDiff.between(before, after);

        assertThat(diff.paragraphs())
                .extracting(VersionDiff.Paragraph::kind)
                .containsExactly(Kind.SAME, Kind.CHANGED, Kind.CHANGED);
        assertThat(diff.paragraphs().get(1).segments())
                .containsExactly(
                        new Segment(Segment.Kind.KEPT, "警方拘留了"),
                        new Segment(Segment.Kind.REMOVED, "三名"),
                        new Segment(Segment.Kind.KEPT, "记者。"));
        assertThat(diff.fields()).isEmpty();
    }

    @Test
    void paragraphsAddedOrRemovedAloneAreShownWhole() {
        Article before = article("报道", "疫情", "开头。", "结尾。");
        Article after = article("报道", "疫情", "开头。", "中间加了一段。", "结尾。");

        VersionDiff added = VersionDiff.between(before, after);
        VersionDiff removed = VersionDiff.between(after, before);

        assertThat(added.paragraphs())
                .extracting(VersionDiff.Paragraph::kind)
                .containsExactly(Kind.SAME, Kind.ADDED, Kind.SAME);
        assertThat(added.paragraphs().get(1).segments()).containsExactly(new Segment(Segment.Kind.ADDED, "中间加了一段。"));
        assertThat(removed.paragraphs())
                .extracting(VersionDiff.Paragraph::kind)
                .containsExactly(Kind.SAME, Kind.REMOVED, Kind.SAME);
        assertThat(VersionSummary.of(new ArticleHistory(List.of(before, after), List.of()), 2)
                        .line())
                .isEqualTo("1 paragraph added");
    }

    @Test
    void aTraditionalCopyOfTheSameTextIsTheSameText() {
        Article simplified = article("香港报道", "香港", "记者在香港报道了这场游行。", "游行没有发生冲突。");
        Article traditional = article("香港報道", "香港", "記者在香港報道了這場遊行。", "遊行沒有發生衝突。");

        VersionDiff diff = VersionDiff.between(simplified, traditional);

        assertThat(diff.sameTextOtherScript()).isTrue();
        assertThat(diff.paragraphs()).extracting(VersionDiff.Paragraph::kind).containsOnly(Kind.SAME);
        assertThat(diff.paragraphs().get(0).text()).isEqualTo("記者在香港報道了這場遊行。");
        assertThat(diff.fields()).containsExactly(new VersionDiff.FieldChange("title", "香港报道", "香港報道"));
        assertThat(diff.fields().get(0).beforeSegments()).containsExactly(new Segment(Segment.Kind.KEPT, "香港报道"));
        assertThat(diff.fields().get(0).afterSegments()).containsExactly(new Segment(Segment.Kind.KEPT, "香港報道"));
    }

    @Test
    void aChangedTitleShowsEachSideInItsOwnCharactersWithOnlyTheEditMarked() {
        VersionDiff.FieldChange title = new VersionDiff.FieldChange("title", "水滴互助關停 會員过亿", "水滴互助关停 会员超过一亿");

        assertThat(title.beforeSegments()).containsExactly(new Segment(Segment.Kind.KEPT, "水滴互助關停 會員过亿"));
        assertThat(title.afterSegments())
                .containsExactly(
                        new Segment(Segment.Kind.KEPT, "水滴互助关停 会员"),
                        new Segment(Segment.Kind.ADDED, "超"),
                        new Segment(Segment.Kind.KEPT, "过"),
                        new Segment(Segment.Kind.ADDED, "一"),
                        new Segment(Segment.Kind.KEPT, "亿"));
        VersionDiff.FieldChange shortened = new VersionDiff.FieldChange("title", "警方拘留三名记者", "警方拘留记者");
        assertThat(shortened.beforeSegments())
                .containsExactly(
                        new Segment(Segment.Kind.KEPT, "警方拘留"),
                        new Segment(Segment.Kind.REMOVED, "三名"),
                        new Segment(Segment.Kind.KEPT, "记者"));
        assertThat(shortened.afterSegments()).containsExactly(new Segment(Segment.Kind.KEPT, "警方拘留记者"));
    }

    @Test
    void aTraditionalCopyWithAnEditShowsOnlyTheEdit() {
        Article simplified = article("报道", "香港", "记者在香港报道了这场游行。");
        Article traditional = article("报道", "香港", "記者在香港報道了這場和平遊行。");

        VersionDiff diff = VersionDiff.between(simplified, traditional);

        assertThat(diff.paragraphs())
                .singleElement()
                .satisfies(paragraph -> assertThat(paragraph.segments())
                        .containsExactly(
                                new Segment(Segment.Kind.KEPT, "記者在香港報道了這場"),
                                new Segment(Segment.Kind.ADDED, "和平"),
                                new Segment(Segment.Kind.KEPT, "遊行。")));
    }

    @Test
    void metadataChangesAreListedFieldByField() {
        Article before = article("报道", "疫情, 上海", "正文。");
        Article after = article("更正后的报道", "疫情", "正文。");

        VersionDiff diff = VersionDiff.between(before, after);

        assertThat(diff.fields()).extracting(VersionDiff.FieldChange::field).containsExactly("title", "tags");
        ArticleHistory history = new ArticleHistory(List.of(before, after), List.of());
        assertThat(VersionSummary.of(history, 1).line()).isEqualTo("first version");
        assertThat(VersionSummary.of(history, 2).line()).isEqualTo("title, tags changed");
    }
}
