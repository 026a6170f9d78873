package org.newsarchive.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The languages of the interface. Article text is shown as archived, whatever the interface language. */
public enum UiLanguage {
    SIMPLIFIED("zh-Hans", "简体中文"),
    TRADITIONAL("zh-Hant", "繁體中文"),
    ENGLISH("en", "English");

    private final String tag;
    private final String name;

    UiLanguage(String tag, String name) {
        this.tag = tag;
        this.name = name;
    }

    /** The BCP 47 tag, used in {@code ?lang=}, in the cookie and in {@code <html lang>}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, for the switcher. */
    public String nativeName() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The interface language for a tag such as {@code zh-Hant} or {@code en}, exactly as written in links. */
    public static Optional<UiLanguage> ofTag(String tag) {
        for (UiLanguage language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The interface language closest to a locale the browser asks for: Chinese written in traditional characters
     * (the {@code Hant} script, or Taiwan, Hong Kong and Macau) gets traditional, other Chinese simplified, English
     * English; empty for other languages.
     */
    public static Optional<UiLanguage> closestTo(Locale locale) {
        return switch (locale.getLanguage()) {
            case "zh" -> {
                boolean traditional = locale.getScript().equals("Hant")
                        || (locale.getScript().isEmpty()
                                && Set.of("TW", "HK", "MO").contains(locale.getCountry()));
                yield Optional.of(traditional ? TRADITIONAL : SIMPLIFIED);
            }
            case "en" -> Optional.of(ENGLISH);
            default -> Optional.empty();
        };
    }
}
