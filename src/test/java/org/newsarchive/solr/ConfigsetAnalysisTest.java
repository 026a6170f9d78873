package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarchive.analysis.ChineseAnalysis;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The configset's analysis chains, built from schema.xml by name through Lucene's SPI exactly as Solr builds them,
 * give the same tokens, positions and offsets as the embedded index's chains, on real article text.
 */
class ConfigsetAnalysisTest {

    private static final ChineseAnalysis analysis = new ChineseAnalysis();
    private static Map<String, Analyzer> schema;

    @BeforeAll
    static void buildSchemaChains() throws Exception {
        schema = new HashMap<>();
        try (InputStream xml =
                SolrSetup.class.getClassLoader().getResourceAsStream(SolrSetup.CONFIGSET + "schema.xml")) {
            var document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
            NodeList types = document.getElementsByTagName("fieldType");
            for (int t = 0; t < types.getLength(); t++) {
                Element type = (Element) types.item(t);
                NodeList analyzers = type.getElementsByTagName("analyzer");
                for (int a = 0; a < analyzers.getLength(); a++) {
                    Element analyzer = (Element) analyzers.item(a);
                    schema.put(type.getAttribute("name") + "/" + analyzer.getAttribute("type"), build(analyzer));
                }
            }
        }
    }

    private static Analyzer build(Element analyzer) throws Exception {
        CustomAnalyzer.Builder builder = CustomAnalyzer.builder();
        NodeList parts = analyzer.getChildNodes();
        for (int i = 0; i < parts.getLength(); i++) {
            if (!(parts.item(i) instanceof Element part)) {
                continue;
            }
            Map<String, String> args = new HashMap<>();
            NamedNodeMap attributes = part.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                if (!attributes.item(a).getNodeName().equals("name")) {
                    args.put(
                            attributes.item(a).getNodeName(), attributes.item(a).getNodeValue());
                }
            }
            String name = part.getAttribute("name");
            switch (part.getTagName()) {
                case "charFilter" -> builder.addCharFilter(name, args);
                case "tokenizer" -> builder.withTokenizer(name, args);
                case "filter" -> builder.addTokenFilter(name, args);
                default -> throw new IllegalStateException("unexpected " + part.getTagName());
            }
        }
        return builder.build();
    }

    static Stream<String> texts() throws Exception {
        List<String> texts = new ArrayList<>(
                List.of("網絡互助平台相繼關停，頭髮很乾", "ＡＢＣ１２３ 全角 and English words", "香港23条生效 港", "한국어 カタカナ ひらがな"));
        try (Stream<Path> samples = Files.list(Path.of("src/test/resources/corpus-sample"))) {
            for (Path sample : samples.sorted().limit(20).toList()) {
                String text = Files.readString(sample, StandardCharsets.UTF_8);
                texts.add(text.substring(0, Math.min(text.length(), 3_000)));
            }
        }
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void bigramChainsAreTheEmbeddedOnes(String text) throws Exception {
        assertThat(tokens(schema.get("text_bigrams/index"), text)).isEqualTo(tokens(analysis.indexBigrams(), text));
        assertThat(tokens(schema.get("text_bigrams/query"), text)).isEqualTo(tokens(analysis.queryBigrams(), text));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void wordChainsAreTheEmbeddedOnes(String text) throws Exception {
        assertThat(tokens(schema.get("text_words/query"), text)).isEqualTo(tokens(analysis.words(), text));
        String folded = ChineseAnalysis.fold(text);
        assertThat(tokens(schema.get("text_words/index"), folded)).isEqualTo(tokens(analysis.words(), folded));
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + increment.getPositionIncrement() + ":" + offset.startOffset() + "-"
                        + offset.endOffset());
            }
            stream.end();
        }
        return tokens;
    }
}
