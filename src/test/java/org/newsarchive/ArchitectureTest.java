package org.newsarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the codebase: features depend one way, ingestion knows nothing of web or index. */
@AnalyzeClasses(packages = "org.newsarchive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ingestKnowsNoWebOrIndex = noClasses()
            .that()
            .resideInAPackage("..ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.lucene..",
                    "org.springframework.web..",
                    "org.thymeleaf..",
                    "..web..",
                    "..api..",
                    "..cli..");

    @ArchTest
    static final ArchRule storeKnowsOnlyBytes = noClasses()
            .that()
            .resideInAPackage("..store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.article..", "org.newsarchive.ingest..", "org.springframework..");

    @ArchTest
    static final ArchRule articleRecordsStayPlain = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.article..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "..web..", "..cli..");

    @ArchTest
    static final ArchRule webAndCliDoNotTouchLucene = noClasses()
            .that()
            .resideInAnyPackage("..web..", "..cli..", "..api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule pagesGoThroughTheServices = noClasses()
            .that()
            .resideInAPackage("org.newsarchive.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.index..", "org.newsarchive.store..", "org.newsarchive.ingest..");

    @ArchTest
    static final ArchRule pagesApiAndCommandsAreIndependentFaces = noClasses()
            .that()
            .resideInAnyPackage("org.newsarchive.api..", "org.newsarchive.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsarchive.web..");

    @ArchTest
    static final ArchRule theEngineKnowsNoClients = noClasses()
            .that()
            .resideInAnyPackage("org.newsarchive.search..", "org.newsarchive.index..", "org.newsarchive.analysis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.newsarchive.web..",
                    "org.newsarchive.api..",
                    "org.newsarchive.cli..",
                    "org.newsarchive.request..",
                    "org.newsarchive.representation..");

    /** SolrJ stays behind the solr package (and the configuration that builds it), so the rest is engine-neutral. */
    @ArchTest
    static final ArchRule onlyTheSolrBackendTalksToSolr = noClasses()
            .that()
            .resideOutsideOfPackages("org.newsarchive.solr..", "org.newsarchive.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.solr..");

    /** The plugin runs inside Solr nodes; the archive itself never loads it (its runtime jar has no Solr core). */
    @ArchTest
    static final ArchRule nothingUsesTheSolrPlugin = noClasses()
            .that()
            .resideOutsideOfPackage("org.newsarchive.solr.plugin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.newsarchive.solr.plugin..");
}
