package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every interface text exists in every interface language, and every key the templates name exists. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9])[}(]");

    private static Properties messages(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(messages(file).stringPropertyNames());
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Set<String> simplified = keys("messages.properties");

        assertThat(keys("messages_zh_Hant.properties")).isEqualTo(simplified);
        assertThat(keys("messages_en.properties")).isEqualTo(simplified);
    }

    @Test
    void everyKeyNamedInATemplateExists() throws IOException {
        Set<String> known = keys("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template :
                    templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }

        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    @Test
    void countsFollowEachLanguagesPluralRulesAndGrouping() {
        IcuMessageSource messages = new IcuMessageSource();
        Locale english = UiLanguage.ENGLISH.locale();
        Locale simplified = UiLanguage.SIMPLIFIED.locale();
        Locale traditional = UiLanguage.TRADITIONAL.locale();

        assertThat(messages.getMessage("search.count", new Object[] {1L}, english))
                .isEqualTo("1 article");
        assertThat(messages.getMessage("search.count", new Object[] {0L}, english))
                .isEqualTo("0 articles");
        assertThat(messages.getMessage("browse.articles", new Object[] {12345L}, english))
                .isEqualTo("12,345 articles");
        assertThat(messages.getMessage("browse.count.publisher", new Object[] {1}, english))
                .isEqualTo("1 publisher");
        assertThat(messages.getMessage("article.minutes", new Object[] {1, 1}, english))
                .isEqualTo("About 1 minute to read (1 character)");
        assertThat(messages.getMessage("about.holdings", new Object[] {1L, 2L}, english))
                .isEqualTo("It holds 1 article from 2 publishers.");
        assertThat(messages.getMessage("search.count", new Object[] {1L}, simplified))
                .isEqualTo("共 1 篇");
        assertThat(messages.getMessage("search.count", new Object[] {12345L}, simplified))
                .isEqualTo("共 12,345 篇");
        assertThat(messages.getMessage("search.copies", new Object[] {2}, traditional))
                .isEqualTo("2 個副本");
        assertThat(messages.getMessage("timeline.yearChart", new Object[] {"2021"}, simplified))
                .isEqualTo("2021 年各月文章数");
        assertThat(messages.getMessage("site.name", null, english)).doesNotContain("{");
    }

    @Test
    void everyMessageWithArgumentsIsAValidIcuPattern() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_Hant.properties", "messages_en.properties")) {
            messages(file).forEach((key, pattern) -> {
                if (pattern.toString().contains("{0")) {
                    assertThat(new com.ibm.icu.text.MessageFormat(pattern.toString()).format(new Object[] {1, 2}))
                            .as(file + " " + key)
                            .doesNotContain("{0");
                }
            });
        }
    }

    @Test
    void everyInterfaceLanguageHasItsFile() {
        for (UiLanguage language : UiLanguage.values()) {
            String file = language == UiLanguage.SIMPLIFIED
                    ? "messages.properties"
                    : "messages_"
                            + language.locale().toString().replace("#", "").replace("__", "_") + ".properties";
            assertThat(RESOURCES.resolve(file)).as(language.tag()).exists();
        }
    }
}
