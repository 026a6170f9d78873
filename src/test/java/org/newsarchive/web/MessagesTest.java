package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
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
