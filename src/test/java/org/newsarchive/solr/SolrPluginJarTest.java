package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The solr-plugin jar (built before the tests, in target/solr-plugin/) carries everything a Solr node needs beyond
 * Solr's own Lucene and the analysis-extras module: loaded alone with HanLP and those Lucene jars, away from the
 * archive's classpath, its analysis factories resolve by name and its query factory builds the archive's queries.
 */
class SolrPluginJarTest {

    /** What a Solr 9.10 node with the analysis-extras module provides to its plugins. */
    private static final Pattern SOLR_PROVIDES =
            Pattern.compile(".*/(lucene-(core|analysis-common|analysis-icu|queries)-[\\d.]+|icu4j-[\\d.]+)\\.jar");

    @Test
    void loadsAloneWithHanLPAndSolrsLucene() throws Exception {
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> plugin = Files.list(Path.of("target/solr-plugin"))) {
            for (Path jar :
                    plugin.filter(file -> file.toString().endsWith(".jar")).toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        assertThat(jars).hasSize(2);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (SOLR_PROVIDES.matcher(entry.replace(File.separatorChar, '/')).matches()) {
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(jars).hasSize(2 + 5);
        try (URLClassLoader solrNode =
                new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> charFilters = solrNode.loadClass("org.apache.lucene.analysis.CharFilterFactory");
            Class<?> tokenFilters = solrNode.loadClass("org.apache.lucene.analysis.TokenFilterFactory");
            var forName = charFilters.getMethod("forName", String.class, java.util.Map.class);
            assertThat(forName.invoke(null, "traditionalToSimplified", new HashMap<>()))
                    .isNotNull();
            var tokenForName = tokenFilters.getMethod("forName", String.class, java.util.Map.class);
            assertThat(tokenForName.invoke(null, "hanlpWords", new HashMap<>())).isNotNull();
            assertThat(tokenForName.invoke(null, "runEndUnigram", new HashMap<>()))
                    .isNotNull();

            Class<?> analysisClass = solrNode.loadClass("org.newsarchive.analysis.ChineseAnalysis");
            Class<?> factoryClass = solrNode.loadClass("org.newsarchive.query.QueryFactory");
            Class<?> parsedClass = solrNode.loadClass("org.newsarchive.query.ParsedQuery");
            Object analysis = analysisClass.getConstructor().newInstance();
            Object factory = factoryClass.getConstructor(analysisClass).newInstance(analysis);
            Object parsed = solrNode.loadClass("org.newsarchive.query.QuerySyntax")
                    .getMethod("parse", String.class)
                    .invoke(null, "郭文貴 \"喜马拉雅\" publisher:GNews -病毒");
            Object built =
                    factoryClass.getMethod("build", parsedClass, boolean.class).invoke(factory, parsed, false);
            String ranked = built.getClass().getMethod("ranked").invoke(built).toString();
            assertThat(ranked).contains("body:\"郭文 文贵\"", "publisher_folded:gnews", "-((body:病毒");
        }
    }
}
