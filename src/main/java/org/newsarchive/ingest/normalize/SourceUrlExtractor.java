package org.newsarchive.ingest.normalize;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.PublicationDate;

/**
 * Finds the original article's URL, and the repost byline that often carries it.
 *
 * <p>Recognizes {@code from:} and similar front matter keys, lines such as {@code 原文链接（需翻墙）：URL} or
 * {@code 原文地址（需翻墙访问）：URL}, and repost links such as {@code [轉載自GNews](URL)}. A repost byline in a code
 * span, {@code `4/2/2024 12:25 PM UTC 喜马拉雅农场新西兰站`}, gives the channel and the publication time. Recognized
 * lines leave the body. Stateless and thread-safe.
 */
final class SourceUrlExtractor {

    private static final String[] FRONT_MATTER_KEYS = {
        "from", "source_url", "sourceurl", "original_url", "original", "canonical", "link", "url", "source"
    };
    private static final Pattern ORIGINAL_LINE =
            Pattern.compile("^(?:原文|原始|來源|来源)(?:链接|連結|鏈接|地址|網址|网址|出處|出处)[^：:]{0,16}[：:]\\s*(https?://\\S+)\\s*$");
    private static final Pattern REPOST_LINK = Pattern.compile("^\\s*(?:轉載|转载|轉自|转自)(?:自|于|於)?\\s*\\S{0,20}$");
    private static final Pattern BYLINE =
            Pattern.compile("^\\s*(?:(\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2} [AP]M)\\s*UTC\\s*)?(.*?)\\s*$");
    private static final DateTimeFormatter BYLINE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.ENGLISH);
    private static final int BYLINE_SEARCH_BLOCKS = 6;

    void apply(ArticleDraft draft) {
        draft.offerSourceUrl(frontMatterUrl(draft.frontMatter));
        Iterator<Block> blocks = draft.blocks.iterator();
        int position = 0;
        while (blocks.hasNext()) {
            Block block = blocks.next();
            Matcher original = ORIGINAL_LINE.matcher(block.text());
            if (original.matches()) {
                draft.offerSourceUrl(original.group(1));
                blocks.remove();
                continue;
            }
            if (takeRepostLink(draft, block, position < BYLINE_SEARCH_BLOCKS)
                    && block.text().isEmpty()) {
                blocks.remove();
                continue;
            }
            position++;
        }
    }

    private static String frontMatterUrl(FrontMatter frontMatter) {
        for (String key : FRONT_MATTER_KEYS) {
            String value = frontMatter.text(key);
            if (UrlCleaner.absoluteHttp(value) != null) {
                return value;
            }
        }
        return null;
    }

    /** Takes repost links out of the block; a byline in the same block is read and removed too. */
    private static boolean takeRepostLink(ArticleDraft draft, Block block, boolean nearTop) {
        boolean found = false;
        for (Element link : block.content().getElementsByTag("a")) {
            if (REPOST_LINK.matcher(link.text()).matches() && UrlCleaner.absoluteHttp(link.attr("href")) != null) {
                draft.offerSourceUrl(link.attr("href"));
                link.remove();
                found = true;
            }
        }
        if (!found) {
            return false;
        }
        if (nearTop) {
            for (Element code : block.content().getElementsByTag("code")) {
                readByline(draft, code.text());
                code.remove();
            }
        }
        block.refreshText();
        return true;
    }

    private static void readByline(ArticleDraft draft, String byline) {
        Matcher matcher = BYLINE.matcher(byline);
        if (!matcher.matches()) {
            return;
        }
        if (matcher.group(1) != null) {
            try {
                LocalDateTime time = LocalDateTime.parse(matcher.group(1), BYLINE_TIME);
                draft.dateCandidates.add(PublicationDate.ofInstant(time.toInstant(ZoneOffset.UTC), DateSource.BYLINE));
            } catch (DateTimeParseException ignored) {
                draft.warn("byline time is not a date: " + matcher.group(1));
            }
        }
        if (!matcher.group(2).isBlank() && draft.channel == null) {
            draft.channel = matcher.group(2);
        }
    }
}
