package org.newsarchive.article;

/** The script of an article's text, as a BCP 47 style tag. */
public enum Language {
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant"),
    OTHER("other");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language tag: " + tag);
    }
}
