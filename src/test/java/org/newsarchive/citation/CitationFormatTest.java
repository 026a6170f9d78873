package org.newsarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.Language;
import org.newsarchive.article.Provenance;
import org.newsarchive.article.PublicationDate;
import org.newsarchive.article.SourceFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three citation formats are read back by what reads them: BibTeX by jbibtex (JabRef's parser), RIS by its
 * line grammar (tag, two spaces, hyphen, space; {@code TY} first, {@code ER} last), CSL-JSON as JSON with CSL's
 * required fields and types.
 */
class CitationFormatTest {

    private static final String HOSTILE_TITLE = "50% 的人 & {括号} $5 #1 _下划线_ 网络互助平台";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Article article(String title, List<String> authors, PublicationDate date, String sourceUrl) {
        return new Article(
                "0123456789abcdef",
                title,
                null,
                date,
                "大纪元",
                null,
                authors,
                List.of(),
                sourceUrl,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                Language.ZH_HANS,
                "正文。",
                "<p>正文。</p>",
                3,
                1,
                new Provenance(
                        "mirror/a.md",
                        SourceFormat.FRONT_MATTER_MARKDOWN,
                        "0".repeat(64),
                        "UTF-8",
                        Instant.parse("2026-11-30T08:00:00Z")));
    }

    private static Citation citation(Article article) {
        return Citation.of(article, "中文新闻档案馆", "https://archive.example/articles/0123456789abcdef", TODAY);
    }

    private static final Article DATED = article(
            HOSTILE_TITLE,
            List.of("林记者", "Li, Wei"),
            PublicationDate.ofDate(LocalDate.of(2021, 3, 26), DateSource.FRONT_MATTER),
            "https://www.epochtimes.com/gb/21/3/26/n12838001.htm?a=1&b=%7B");

    @Test
    void bibtexParsesBackWithEveryFieldAndTheTitleIntact() throws Exception {
        String bibtex = CitationFormat.BIBTEX.write(citation(DATED));

        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bibtex));
        assertThat(database.getEntries()).hasSize(1);
        BibTeXEntry entry = database.getEntries().values().iterator().next();
        assertThat(entry.getType().getValue()).isEqualTo("online");
        assertThat(entry.getKey().getValue()).isEqualTo("newsarchive-0123456789abcdef");
        assertThat(latex(entry, "title")).isEqualTo(HOSTILE_TITLE);
        assertThat(entry.getField(new Key("author")).toUserString()).isEqualTo("{林记者} and {Li, Wei}");
        assertThat(entry.getField(new Key("date")).toUserString()).isEqualTo("2021-03-26");
        assertThat(entry.getField(new Key("year")).toUserString()).isEqualTo("2021");
        assertThat(entry.getField(new Key("url")).toUserString())
                .isEqualTo("https://www.epochtimes.com/gb/21/3/26/n12838001.htm?a=1&b=%7B");
        assertThat(entry.getField(new Key("urldate")).toUserString()).isEqualTo("2026-12-01");
        assertThat(latex(entry, "organization")).isEqualTo("大纪元");
        assertThat(latex(entry, "note")).contains("中文新闻档案馆", "2026-11-30", "archive.example/articles/");
    }

    /**
     * The field as LaTeX typesets it: escaped characters as themselves, grouping braces gone. (jbibtex's own LaTeX
     * reader stops at the first Chinese character, so the few escapes the archive writes are undone here.)
     */
    private static String latex(BibTeXEntry entry, String field) {
        String value = entry.getField(new Key(field)).toUserString();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "{}%&$#_".indexOf(value.charAt(i + 1)) >= 0) {
                text.append(value.charAt(++i));
            } else if (c != '{' && c != '}') {
                text.append(c);
            }
        }
        return text.toString().strip();
    }

    @Test
    void bibtexOfAnUndatedArticleWithoutAuthorsStillParses() throws Exception {
        String bibtex = CitationFormat.BIBTEX.write(citation(article("反斜杠 \\ 波浪 ~ 脱字 ^ 标题", List.of(), null, null)));

        BibTeXEntry entry = new BibTeXParser()
                .parse(new StringReader(bibtex))
                .getEntries()
                .values()
                .iterator()
                .next();
        assertThat(entry.getField(new Key("author"))).isNull();
        assertThat(entry.getField(new Key("date"))).isNull();
        assertThat(entry.getField(new Key("url")).toUserString())
                .isEqualTo("https://archive.example/articles/0123456789abcdef");
    }

    @Test
    void risFollowsItsLineGrammarWithTypeFirstAndEndLast() {
        String ris = CitationFormat.RIS.write(citation(DATED));

        Map<String, List<String>> fields = parseRis(ris);
        assertThat(fields.keySet()).first().isEqualTo("TY");
        assertThat(fields.keySet()).last().isEqualTo("ER");
        assertThat(fields.get("TY")).containsExactly("NEWS");
        assertThat(fields.get("TI")).containsExactly(HOSTILE_TITLE);
        assertThat(fields.get("AU")).containsExactly("林记者", "Li, Wei");
        assertThat(fields.get("PY")).containsExactly("2021");
        assertThat(fields.get("DA")).containsExactly("2021/03/26");
        assertThat(fields.get("UR")).containsExactly("https://www.epochtimes.com/gb/21/3/26/n12838001.htm?a=1&b=%7B");
        assertThat(fields.get("Y2")).containsExactly("2026/12/01");
        assertThat(fields.get("N1").get(0)).contains("https://archive.example/articles/0123456789abcdef");
    }

    /** Reads RIS as its specification writes it; a line that breaks the grammar fails the test. */
    private static Map<String, List<String>> parseRis(String ris) {
        Pattern line = Pattern.compile("^([A-Z][A-Z0-9])  - (.*)$");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String text : ris.split("\r\n")) {
            Matcher matcher = line.matcher(text);
            assertThat(matcher.matches()).as("RIS line: " + text).isTrue();
            fields.computeIfAbsent(matcher.group(1), tag -> new ArrayList<>()).add(matcher.group(2));
        }
        assertThat(ris).endsWith("ER  - \r\n");
        return fields;
    }

    @Test
    void cslJsonHasTheRequiredFieldsInCslTypes() {
        JsonNode items = JsonMapper.builder().build().readTree(CitationFormat.CSL_JSON.write(citation(DATED)));

        assertThat(items.isArray()).isTrue();
        JsonNode item = items.get(0);
        assertThat(item.get("id").asString()).isEqualTo("newsarchive-0123456789abcdef");
        assertThat(item.get("type").asString()).isEqualTo("article-newspaper");
        assertThat(item.get("title").asString()).isEqualTo(HOSTILE_TITLE);
        assertThat(item.get("author").findValuesAsString("literal")).containsExactly("林记者", "Li, Wei");
        assertThat(item.get("issued").get("date-parts").get(0).toString()).isEqualTo("[2021,3,26]");
        assertThat(item.get("accessed").get("date-parts").get(0).toString()).isEqualTo("[2026,12,1]");
        assertThat(item.get("container-title").asString()).isEqualTo("大纪元");
        assertThat(item.get("archive_location").asString()).endsWith("/articles/0123456789abcdef");

        JsonNode undated = JsonMapper.builder()
                .build()
                .readTree(CitationFormat.CSL_JSON.write(citation(article("题", List.of(), null, null))))
                .get(0);
        assertThat(undated.has("issued")).isFalse();
        assertThat(undated.has("author")).isFalse();
        assertThat(undated.get("URL").asString()).endsWith("/articles/0123456789abcdef");
    }

    @Test
    void formatsAreNamedAsRequestsNameThem() {
        assertThat(CitationFormat.named("CSL-JSON")).contains(CitationFormat.CSL_JSON);
        assertThat(CitationFormat.named(" ris ")).contains(CitationFormat.RIS);
        assertThat(CitationFormat.named("endnote")).isEmpty();
    }
}
