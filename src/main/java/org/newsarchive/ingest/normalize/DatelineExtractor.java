package org.newsarchive.ingest.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.PublicationDate;

/**
 * Reads and removes the dateline that opens many Chinese news texts: {@code 【大纪元2021年03月26日讯】},
 * {@code 【看中国2021年4月2日讯】} or {@code 【明慧网二零二零年七月二十日】}. It gives the publication date and the
 * outlet's name. A reporter credit right after it ({@code （大纪元记者李冰综合报导）}) is read and removed too.
 * Stateless and thread-safe.
 */
final class DatelineExtractor {

    private static final String NUMBER = "[0-9０-９〇○零一二三四五六七八九十]";
    private static final Pattern DATELINE = Pattern.compile("^[【\\[]\\s*([^【】\\[\\]0-9〇○零一二三四五六七八九十]{0,16}?)\\s*"
            + "(" + NUMBER + "{2,4})\\s*年\\s*(" + NUMBER + "{1,3})\\s*月\\s*(" + NUMBER + "{1,3})\\s*日"
            + "[^】\\]]{0,12}[】\\]]");
    private static final int SEARCH_PARAGRAPHS = 3;

    void apply(ArticleDraft draft) {
        int paragraphs = 0;
        for (int i = 0; i < draft.blocks.size() && paragraphs < SEARCH_PARAGRAPHS; i++) {
            Block block = draft.blocks.get(i);
            if (!block.is(Block.Kind.PARAGRAPH)) {
                continue;
            }
            paragraphs++;
            Matcher matcher = DATELINE.matcher(block.text());
            boolean dated = matcher.find();
            if (dated) {
                LocalDate date = toDate(matcher.group(2), matcher.group(3), matcher.group(4));
                if (date != null) {
                    draft.dateCandidates.add(PublicationDate.ofDate(date, DateSource.DATELINE));
                }
                String outlet = matcher.group(1).replaceAll("(?:记者|記者).*$", "").strip();
                if (!outlet.isEmpty()) {
                    draft.publisherHints.add(outlet);
                }
                BlockText.removeLeading(block, matcher.end());
            }
            int credit = PeopleExtractor.readReporterCredit(draft, block.text());
            if (credit > 0) {
                BlockText.removeLeading(block, credit);
            }
            if (dated || credit > 0) {
                if (block.text().isEmpty()) {
                    draft.blocks.remove(i);
                }
                return;
            }
        }
    }

    private static LocalDate toDate(String year, String month, String day) {
        int y = ChineseNumerals.parse(toAscii(year));
        int m = ChineseNumerals.parse(toAscii(month));
        int d = ChineseNumerals.parse(toAscii(day));
        if (y >= 0 && y < 100) {
            y += 2000;
        }
        try {
            return DateParsing.plausible(LocalDate.of(y, m, d));
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static String toAscii(String digits) {
        StringBuilder out = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            out.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return out.toString();
    }
}
