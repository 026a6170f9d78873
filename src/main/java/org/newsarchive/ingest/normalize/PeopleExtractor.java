package org.newsarchive.ingest.normalize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads authors and editors from credit lines and removes those lines from the body.
 *
 * <p>A credit line is a short block made only of {@code role：name} segments, such as {@code 撰稿：童媚},
 * {@code 责任编辑：林诗远 #} or {@code 审核：文筝 编辑：五饼二鱼}. Compound roles ({@code 编辑/校对/发稿}) count
 * as editor when one part is. Roles that are neither author nor editor (reviewer, publisher of the post) are
 * dropped with the line. A reporter credit in parentheses at the start of the text, such as
 * {@code （大纪元记者李冰综合报导）}, gives authors too. Stateless and thread-safe.
 */
final class PeopleExtractor {

    private static final String AUTHOR_ROLES = "撰稿人|撰稿|作者|撰文|原作者|文|記者|记者|By|BY|by|翻译|翻譯|译者|譯者|译评|譯評|编译|編譯";
    private static final String EDITOR_ROLES = "责任编辑|責任編輯|责编|責編|编辑整理|編輯整理|编辑|編輯|主编|主編|编审|編審";
    private static final String OTHER_ROLES = "审核校对|審核校對|审核|審核|审校|審校|校对|校對|发布|發布|发稿|發稿|发表|發表|制作|製作|整理|上传|上傳|校稿|核稿";
    private static final String ROLE = "(?:" + EDITOR_ROLES + "|" + AUTHOR_ROLES + "|" + OTHER_ROLES + ")";
    /** Roles may be joined with a separator ({@code 编辑/校对/发稿}) or without ({@code 编辑发布}). */
    private static final String COMPOUND_ROLE = ROLE + "(?:\\s*[/／、&]?\\s*" + ROLE + ")*";

    private static final Pattern CREDIT_LINE =
            Pattern.compile("^[*＊\\s]*(?:" + COMPOUND_ROLE + ")\\s*[:：].*", Pattern.DOTALL);
    private static final Pattern SEGMENT = Pattern.compile(
            "(" + COMPOUND_ROLE + ")\\s*[:：]\\s*(.*?)\\s*(?=(?:[|｜]\\s*|\\s)(?:" + COMPOUND_ROLE + ")\\s*[:：]|$)");
    private static final Pattern EDITOR = Pattern.compile(EDITOR_ROLES);
    private static final Pattern AUTHOR = Pattern.compile(AUTHOR_ROLES);
    private static final Pattern REPORTER_CREDIT = Pattern.compile(
            "^[（(]\\s*[^（）()]{0,12}?(?:记者|記者)\\s*([^（）()]{2,24}?)\\s*(?:综合|綜合|编译|編譯|采访|採訪)?(?:报导|報導|报道|報道)\\s*[）)]");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*(?:、|，|,\\s|和|及|與|与)\\s*");
    private static final Pattern NAME_DECORATION = Pattern.compile("^[\\s#*＊【\\[「]+|[\\s#*＊】\\]」。.,，;；]+$");
    private static final int MAX_CREDIT_LINE = 100;

    void apply(ArticleDraft draft) {
        Iterator<Block> blocks = draft.blocks.iterator();
        while (blocks.hasNext()) {
            Block block = blocks.next();
            if ((block.is(Block.Kind.PARAGRAPH) || block.is(Block.Kind.HEADING))
                    && block.text().length() <= MAX_CREDIT_LINE
                    && CREDIT_LINE.matcher(block.text()).matches()) {
                readCredits(draft, block.text().replaceAll("[*＊]", " ").strip());
                blocks.remove();
            }
        }
    }

    /** Reads a reporter credit at the start of the block's text; returns its length, or 0 when there is none. */
    static int readReporterCredit(ArticleDraft draft, String text) {
        Matcher matcher = REPORTER_CREDIT.matcher(text);
        if (!matcher.find()) {
            return 0;
        }
        for (String name : splitNames(matcher.group(1))) {
            draft.authors.add(name);
        }
        return matcher.end();
    }

    private static void readCredits(ArticleDraft draft, String line) {
        Matcher segment = SEGMENT.matcher(line);
        while (segment.find()) {
            String role = segment.group(1);
            List<String> names = splitNames(segment.group(2));
            if (EDITOR.matcher(role).find()) {
                draft.editors.addAll(names);
            } else if (AUTHOR.matcher(role).find()) {
                draft.authors.addAll(names);
            }
        }
    }

    private static List<String> splitNames(String names) {
        List<String> result = new ArrayList<>();
        for (String name : NAME_SEPARATORS.split(names.strip())) {
            String cleaned = NAME_DECORATION.matcher(name).replaceAll("");
            if (!cleaned.isEmpty() && cleaned.length() <= 40) {
                result.add(cleaned);
            }
        }
        return result;
    }
}
