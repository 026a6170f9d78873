package org.newsarchive.ingest.normalize;

import java.util.regex.Pattern;

/**
 * Which text beside an image is its caption. Mirrors seldom mark captions up: a caption is most often the text right
 * after the image, on its line, and the same place often holds the article's first sentence instead. These rules
 * tell the two apart from the text alone. Stateless.
 */
final class Captions {

    private static final int MAX_CAPTION_LENGTH = 120;
    private static final Pattern LABELLED_LINE = Pattern.compile("^\\S{1,8}[：:]");
    /** How mirrors mark a caption in running text: {@code 图：…}, {@code 图片来源：…}, {@code 图为…}. */
    private static final Pattern CAPTION_LABEL =
            Pattern.compile("^[（(]?(?:图|圖|图片|圖片|照片|图源|圖源|图片来源|圖片來源|摄影|攝影|图说|圖說)\\s*[：:]|^(?:图为|圖為|图中|圖中)");
    /** Words of photo credits and descriptions, which a caption holds and prose seldom does. */
    private static final Pattern PHOTO_WORDS =
            Pattern.compile("图|圖|照|摄|攝|截屏|视频|視頻|来源|來源|资料|資料|(?i:photo|getty|reuters|afp|\\bap\\b)");

    private static final String SENTENCE_TERMINATORS = "。！？!?";

    private Captions() {}

    /**
     * Whether the text on an image's line is its caption: short, not a line of its own kind (a URL, a labelled line
     * such as {@code 原文地址：…}, unless the label is a caption's own, {@code 图：…}), and not prose. Prose holds no
     * word of photo description or credit ({@link #PHOTO_WORDS}) and either introduces what follows
     * ({@code …内容如下：}) or is two or more whole sentences: {@code 6月3日，美国国务院网站刊登了…的声明。声明全文内容如下。}
     * is the article's opening, {@code 2006年12月拍摄的档案照片显示了台湾国旗。图片来源：…} a caption.
     */
    static boolean looksLikeCaption(String text) {
        if (tooLong(text) || text.contains("://")) {
            return false;
        }
        if (CAPTION_LABEL.matcher(text).find()) {
            return true;
        }
        return !LABELLED_LINE.matcher(text).find() && !readsLikeProse(text);
    }

    /**
     * Whether a line after the image's own is its caption: only when it carries a caption's label
     * ({@code 图：…}, {@code 图为…}) and is short.
     */
    static boolean isMarkedCaption(String text) {
        return CAPTION_LABEL.matcher(text).find() && !tooLong(text);
    }

    private static boolean tooLong(String text) {
        return text.codePointCount(0, text.length()) > MAX_CAPTION_LENGTH;
    }

    private static boolean readsLikeProse(String text) {
        if (PHOTO_WORDS.matcher(text).find()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (last == '：' || last == ':') {
            return true;
        }
        if (SENTENCE_TERMINATORS.indexOf(last) < 0) {
            return false;
        }
        int sentences = 0;
        for (int i = 0; i < text.length(); i++) {
            if (SENTENCE_TERMINATORS.indexOf(text.charAt(i)) >= 0) {
                sentences++;
            }
        }
        return sentences >= 2;
    }
}
