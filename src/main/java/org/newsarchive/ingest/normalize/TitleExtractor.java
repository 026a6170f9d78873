package org.newsarchive.ingest.normalize;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the title and removes its duplicates from the top of the body.
 *
 * <p>The front matter title wins. Otherwise the first heading before the running text is the title. Mirror pages
 * often repeat the title as a heading or as a link to the original ({@code [title](url)} over a {@code ------}
 * rule); such a repeat leaves the body, and its link becomes a source URL candidate. A file without any title gets
 * one from its first heading or first sentence, with a warning. Stateless and thread-safe.
 */
final class TitleExtractor {

    private static final int MAX_DERIVED_TITLE = 60;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]");
    private static final Pattern DECORATION = Pattern.compile("^[#*\\s]+|[#*\\s]+$");

    void apply(ArticleDraft draft) {
        String stated = clean(draft.frontMatter.text("title"));
        int firstText = draft.firstTextParagraph();
        for (int i = 0; i < Math.min(firstText, draft.blocks.size()); i++) {
            Block block = draft.blocks.get(i);
            if (!block.is(Block.Kind.HEADING) && !block.is(Block.Kind.PARAGRAPH)) {
                continue;
            }
            boolean repeatsStated = stated != null && compact(block.text()).equals(compact(stated));
            boolean stripsSiteName =
                    stated != null && block.is(Block.Kind.HEADING) && isSiteTitle(stated, block.text());
            if (stated == null && block.is(Block.Kind.HEADING) || repeatsStated || stripsSiteName) {
                takeTitleLink(draft, block);
                stated = stated != null && !stripsSiteName ? stated : clean(block.text());
                draft.blocks.remove(i);
                i--;
                firstText--;
            }
        }
        removeRepeats(draft, stated);
        draft.title = stated != null && !stated.isEmpty() ? stated : derive(draft);
    }

    /** A later plain repeat of the title (the title/link header after a rule) also goes. */
    private static void removeRepeats(ArticleDraft draft, String title) {
        if (title == null) {
            return;
        }
        String key = compact(title);
        for (int i = 0; i < Math.min(4, draft.blocks.size()); i++) {
            Block block = draft.blocks.get(i);
            if (!block.is(Block.Kind.FIGURE) && compact(block.text()).equals(key)) {
                takeTitleLink(draft, block);
                draft.blocks.remove(i);
                i--;
            }
        }
    }

    private static void takeTitleLink(ArticleDraft draft, Block block) {
        Element link = block.content().getElementsByTag("a").first();
        if (link != null && compact(link.text()).equals(compact(block.text()))) {
            draft.offerSourceUrl(link.attr("href"));
        }
    }

    private static String derive(ArticleDraft draft) {
        for (Block block : draft.blocks) {
            if (block.is(Block.Kind.HEADING) || block.is(Block.Kind.PARAGRAPH)) {
                String text = block.text();
                var end = SENTENCE_END.matcher(text);
                String sentence = end.find() ? text.substring(0, end.start()) : text;
                if (sentence.codePointCount(0, sentence.length()) > MAX_DERIVED_TITLE) {
                    sentence = sentence.substring(0, sentence.offsetByCodePoints(0, MAX_DERIVED_TITLE)) + "…";
                }
                draft.warn("no title found; derived from the first "
                        + (block.is(Block.Kind.HEADING) ? "heading" : "sentence"));
                return sentence;
            }
        }
        return null;
    }

    private static String clean(String title) {
        if (title == null) {
            return null;
        }
        String cleaned = DECORATION
                .matcher(MarkdownRenderer.repairArtefacts(title).replaceAll("\\s+", " "))
                .replaceAll("");
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * True when a page's {@code <title>} is its heading followed by the site's name, as {@code 标题 - 新闻网} or
     * {@code 标题 | Site}: the heading is then the article's title.
     */
    static boolean isSiteTitle(String pageTitle, String heading) {
        String head = heading.strip();
        if (head.isEmpty() || !pageTitle.startsWith(head)) {
            return false;
        }
        return SITE_NAME_SUFFIX.matcher(pageTitle.substring(head.length())).matches();
    }

    private static final Pattern SITE_NAME_SUFFIX = Pattern.compile("\\s*[-|_–—－｜]\\s*\\S.{0,40}");

    static String compact(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\p{Z}*#]+", "");
    }
}
