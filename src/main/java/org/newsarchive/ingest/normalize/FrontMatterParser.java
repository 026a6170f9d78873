package org.newsarchive.ingest.normalize;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a leading {@code ---} … {@code ---} YAML block from the body.
 *
 * <p>Blank lines before the opening fence are allowed, as some generators write them. YAML is parsed with the safe
 * constructor and without implicit typing, so {@code 2021-10-28 14:08:07} stays text instead of silently becoming a
 * UTC timestamp. Broken YAML never loses the file: the whole text becomes the body, with a warning. Thread-safe.
 */
final class FrontMatterParser {

    /** The result of the split. */
    record Split(FrontMatter frontMatter, String body, List<IngestProblem> warnings) {}

    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    Split split(String text) {
        int start = skipBlankLines(text);
        if (!isFence(text, start, "---")) {
            return new Split(FrontMatter.NONE, text, List.of());
        }
        int yamlStart = text.indexOf('\n', start) + 1;
        int close = findClosingFence(text, yamlStart);
        if (close < 0 || close - yamlStart > MAX_FRONT_MATTER_CHARS) {
            return new Split(FrontMatter.NONE, text, List.of());
        }
        String yaml = text.substring(yamlStart, close);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        try {
            Object parsed = newYaml().load(yaml);
            if (parsed == null) {
                return new Split(FrontMatter.NONE, body, List.of());
            }
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                return new Split(new FrontMatter(fields), body, List.of());
            }
            return fallback(text, "front matter is not a key-value map");
        } catch (YAMLException | ClassCastException broken) {
            return fallback(text, "front matter is not valid YAML (" + firstLine(broken.getMessage()) + ")");
        }
    }

    private static Split fallback(String text, String reason) {
        return new Split(
                FrontMatter.NONE, text, List.of(IngestProblem.warning(reason + "; the file was read as body text")));
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // No implicit types: dates, numbers and booleans stay text and are interpreted by the extractors.
            }
        };
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                stringsOnly);
    }

    private static int skipBlankLines(String text) {
        int position = 0;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            String line = end < 0 ? text.substring(position) : text.substring(position, end);
            if (!line.isBlank() || end < 0) {
                return position;
            }
            position = end + 1;
        }
        return position;
    }

    private static int findClosingFence(String text, int from) {
        int position = from;
        while (position < text.length()) {
            if (isFence(text, position, "---") || isFence(text, position, "...")) {
                return position;
            }
            int end = text.indexOf('\n', position);
            if (end < 0) {
                return -1;
            }
            position = end + 1;
        }
        return -1;
    }

    private static boolean isFence(String text, int lineStart, String fence) {
        int end = text.indexOf('\n', lineStart);
        String line = end < 0 ? text.substring(lineStart) : text.substring(lineStart, end);
        return line.strip().equals(fence);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
