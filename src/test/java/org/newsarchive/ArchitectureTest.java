package org.newsarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The dependency rules of the codebase: an engine-neutral search core with two engines beside it, entry points that
 * know only the core, ingestion that knows nothing of engines or the web, no cycles between features, and main
 * classes within their size.
 */
@AnalyzeClasses(packages = "org.newsarchive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Lucene's index, search and storage API, as opposed to its analysis API, which the analysis chains use. */
    private static final String[] LUCENE_ENGINE_API = {
        "org.apache.lucene.index..",
        "org.apache.lucene.search..",
        "org.apache.lucene.store..",
        "org.apache.lucene.document..",
        "org.apache.lucene.facet..",
        "org.apache.lucene.codecs..",
        "org.apache.lucene.queries.."
    };

    @ArchTest
    static final ArchRule theSearchCoreIsEngineNeutral = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.search..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.lucene..", "org.apache.solr..", "org.newsarchive.lucene..", "org.newsarchive.solr..");

    @ArchTest
    static final ArchRule theSchemaIsEngineNeutral = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.schema..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.solr..",
                    "org.newsarchive.lucene..",
                    "org.newsarchive.solr..",
                    "org.newsarchive.search..",
                    "org.newsarchive.query..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(LUCENE_ENGINE_API);

    /** The query language is shared: Solr nodes run it through the plugin, so it knows neither engine's service. */
    @ArchTest
    static final ArchRule theQueryLanguageKnowsNoEngine = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.solr..",
                    "org.newsarchive.lucene..",
                    "org.newsarchive.solr..",
                    "org.newsarchive.search..",
                    "org.newsarchive.ingest..");

    /** Outside the embedded engine, Lucene is used only to analyze text and to build the shared queries. */
    @ArchTest
    static final ArchRule onlyTheEmbeddedEngineUsesLucenesIndexApi = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "org.newsarchive.lucene..",
                    "org.newsarchive.query..",
                    "org.newsarchive.analysis..",
                    "org.newsarchive.solr.plugin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LUCENE_ENGINE_API);

    /** SolrJ stays behind the solr package (and the configuration that builds it), so the rest is engine-neutral. */
    @ArchTest
    static final ArchRule onlyTheSolrBackendTalksToSolr = noClasses()
            .that()
            .resideOutsideOfPackages("org.newsarchive.solr..", "org.newsarchive.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.solr..");

    @ArchTest
    static final ArchRule theEnginesDoNotKnowEachOther = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.lucene..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.newsarchive.solr..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.solr..");

    @ArchTest
    static final ArchRule solrDoesNotKnowTheEmbeddedEngine = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.solr..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.newsarchive.lucene..");

    /**
     * Pages, API and commands go through the search core and the ingest service; only {@code solr-setup}, which
     * exists to set up a SolrCloud collection, names the Solr engine.
     */
    @ArchTest
    static final ArchRule entryPointsKnowOnlyTheSearchCore = noClasses()
            .that()
            .resideInAnyPackage("org.newsarchive.web..", "org.newsarchive.api..", "org.newsarchive.cli..")
            .and()
            .doNotHaveSimpleName("SolrSetupCommand")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.newsarchive.lucene..",
                    "org.newsarchive.solr..",
                    "org.newsarchive.query..",
                    "org.newsarchive.schema..",
                    "org.apache.lucene..");

    /** Ingestion turns files into articles for a sink; it knows nothing of engines, searching or the web. */
    @ArchTest
    static final ArchRule ingestKnowsNoEngineOrWeb = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.lucene..",
                    "org.apache.solr..",
                    "org.springframework..",
                    "org.thymeleaf..",
                    "org.newsarchive.lucene..",
                    "org.newsarchive.solr..",
                    "org.newsarchive.search..",
                    "org.newsarchive.schema..",
                    "org.newsarchive.web..",
                    "org.newsarchive.api..",
                    "org.newsarchive.cli..");

    /** The normalizer pipeline has one entry point; its stages are its own business. */
    @ArchTest
    static final ArchRule theNormalizerHasOneEntryPoint = classes()
            .that()
            .resideInAPackage("org.newsarchive.ingest.normalize..")
            .and()
            .areTopLevelClasses()
            .and()
            .arePublic()
            .should()
            .haveSimpleNameStartingWith("ArticleNormalizer")
            .orShould()
            .haveSimpleNameStartingWith("NormalizationResult")
            .orShould()
            .haveSimpleName("IngestProblem");

    @ArchTest
    static final ArchRule storeKnowsOnlyBytes = classes()
            .that()
            .resideInAPackage("org.newsarchive.store..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.store..", "java..", "org.apache.commons.codec..");

    @ArchTest
    static final ArchRule articleRecordsStayPlain = classes()
            .that()
            .resideInAPackage("org.newsarchive.article..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.article..", "java..", "org.apache.commons.codec..");

    @ArchTest
    static final ArchRule pagesApiAndCommandsAreIndependentFaces = noClasses()
            .that()
            .resideInAnyPackage("org.newsarchive.api..", "org.newsarchive.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.web..");

    @ArchTest
    static final ArchRule pagesGoThroughTheServices = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.store..", "org.newsarchive.ingest..");

    @ArchTest
    static final ArchRule theCoreKnowsNoClients = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.newsarchive.search..",
                    "org.newsarchive.lucene..",
                    "org.newsarchive.solr..",
                    "org.newsarchive.query..",
                    "org.newsarchive.schema..",
                    "org.newsarchive.analysis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.newsarchive.web..",
                    "org.newsarchive.api..",
                    "org.newsarchive.cli..",
                    "org.newsarchive.request..",
                    "org.newsarchive.representation..");

    /** The plugin runs inside Solr nodes; the archive itself never loads it (its runtime jar has no Solr core). */
    @ArchTest
    static final ArchRule nothingUsesTheSolrPlugin = noClasses()
            .that()
            .resideOutsideOfPackage("org.newsarchive.solr.plugin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.newsarchive.solr.plugin..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("org.newsarchive.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subpackagesAreFreeOfCycles =
            slices().matching("org.newsarchive.(**)").should().beFreeOfCycles();

    /** Lines a main source file may hold: past it, a class does more than one thing and should be split. */
    static final int MAX_SOURCE_LINES = 400;

    @ArchTest
    static final ArchRule mainClassesStayWithinTheirSize = classes()
            .that()
            .areTopLevelClasses()
            .should(haveAtMostLines(MAX_SOURCE_LINES))
            .because("a main class over " + MAX_SOURCE_LINES + " lines is split along a seam of what it does");

    /** The top-level class's source file under {@code src/main/java} holds at most {@code limit} lines. */
    static ArchCondition<JavaClass> haveAtMostLines(int limit) {
        return new ArchCondition<>("have at most " + limit + " lines of source") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Path source = Path.of("src/main/java", type.getPackageName().replace('.', '/'))
                        .resolve(type.getSimpleName() + ".java");
                if (!Files.exists(source)) {
                    return;
                }
                long lines;
                try (Stream<String> all = Files.lines(source)) {
                    lines = all.count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String message = source + " has " + lines + " lines";
                events.add(
                        lines <= limit
                                ? SimpleConditionEvent.satisfied(type, message)
                                : SimpleConditionEvent.violated(type, message));
            }
        };
    }
}
