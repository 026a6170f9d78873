package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The on-demand boundaries agree with the sentence rule applied to every offset of the text. */
class SentenceBreakIteratorTest {

    @Test
    void breaksAfterChineseAndLatinSentenceEndings() {
        assertThat(forward("第一句。第二句！Third. Fourth\nend")).containsExactly(0, 4, 8, 14, 22, 25);
    }

    @Test
    void aPeriodInsideANumberIsNoBoundary() {
        assertThat(forward("增长3.5%。")).containsExactly(0, 7);
    }

    @Property(seed = "20261206")
    void forwardBackwardAndFromAnyOffsetAgreeWithTheRule(@ForAll("texts") String text) {
        List<Integer> expected = expectedBoundaries(text);
        assertThat(forward(text)).isEqualTo(expected);

        SentenceBreakIterator backward = new SentenceBreakIterator();
        backward.setText(text);
        List<Integer> reversed = new ArrayList<>();
        for (int b = backward.last(); b != BreakIterator.DONE; b = backward.previous()) {
            reversed.add(0, b);
        }
        assertThat(reversed).isEqualTo(expected);

        SentenceBreakIterator iterator = new SentenceBreakIterator();
        iterator.setText(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            int at = offset;
            int following = expected.stream().filter(b -> b > at).findFirst().orElse(BreakIterator.DONE);
            int preceding =
                    expected.stream().filter(b -> b < at).reduce((a, b) -> b).orElse(BreakIterator.DONE);
            assertThat(iterator.following(offset)).as("following %d", offset).isEqualTo(following);
            assertThat(iterator.preceding(offset)).as("preceding %d", offset).isEqualTo(preceding);
            assertThat(iterator.isBoundary(offset)).isEqualTo(expected.contains(offset));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("中文a 。！.?;\n").ofMaxLength(40);
    }

    private static List<Integer> forward(String text) {
        SentenceBreakIterator iterator = new SentenceBreakIterator();
        iterator.setText(text);
        List<Integer> boundaries = new ArrayList<>();
        for (int b = iterator.first(); b != BreakIterator.DONE; b = iterator.next()) {
            boundaries.add(b);
        }
        return boundaries;
    }

    /** The rule, offset by offset: the ends, and after an ending character or a period before a space. */
    private static List<Integer> expectedBoundaries(String text) {
        List<Integer> boundaries = new ArrayList<>();
        boundaries.add(0);
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            if ("。！？；!?;\n".indexOf(before) >= 0 || (before == '.' && Character.isWhitespace(text.charAt(i)))) {
                boundaries.add(i);
            }
        }
        if (!text.isEmpty()) {
            boundaries.add(text.length());
        }
        return boundaries;
    }
}
