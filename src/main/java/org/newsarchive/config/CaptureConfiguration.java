package org.newsarchive.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.capture.PayloadTypes;
import org.newsarchive.capture.WarcExport;
import org.newsarchive.capture.WarcImport;
import org.newsarchive.capture.fetch.AddressPolicy;
import org.newsarchive.capture.fetch.FetchSettings;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.HostResolver;
import org.newsarchive.capture.job.CaptureJobs;
import org.newsarchive.capture.link.LinkChecks;
import org.newsarchive.capture.link.Original;
import org.newsarchive.capture.link.OriginalCheck;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.representation.OriginalRecord;
import org.newsarchive.search.SearchService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires captures from {@code archive.capture}: the store under {@code DATA_DIR/captures}, opened on first use (a
 * command that captures nothing never touches it), and the fetcher, which contacts nothing until a capture is
 * asked for.
 */
@Configuration(proxyBeanMethods = false)
class CaptureConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    CaptureStore captureStore(Path dataDirectory, ArchiveProperties properties, Clock clock) throws IOException {
        return CaptureStore.open(
                dataDirectory.resolve("captures"),
                properties.capture().warcFileSize().toBytes(),
                clock);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    Fetcher fetcher(Path dataDirectory, ArchiveProperties properties, Clock clock) throws IOException {
        ArchiveProperties.Capture capture = properties.capture();
        FetchSettings settings = new FetchSettings(
                new AddressPolicy(capture.allowAddresses(), capture.ports()),
                capture.maxBody().toBytes(),
                capture.connectTimeout(),
                capture.fetchTimeout(),
                capture.hostDelay(),
                capture.maxRetryAfter(),
                FetchSettings.userAgent(capture.contact()));
        return new Fetcher(
                settings, HostResolver.SYSTEM, dataDirectory.resolve("captures").resolve("incoming"), clock);
    }

    /** The archive as one web archive, for {@code export --format=warc}. */
    @Bean
    @Lazy
    WarcExport warcExport(
            SearchService search,
            OriginalFiles originalFiles,
            CaptureStore captureStore,
            JsonMapper json,
            Clock clock) {
        return new WarcExport(search, originalFiles, captureStore, json, clock);
    }

    /** Web archives made elsewhere, read for {@code ingest --warc}: their images become captures of the store. */
    @Bean
    @Lazy
    WarcImport warcImport(CaptureStore captureStore, Path dataDirectory) {
        return new WarcImport(captureStore, dataDirectory.resolve("captures").resolve("incoming"));
    }

    @Bean
    @Lazy
    LinkChecks linkChecks(Path dataDirectory, ArchiveProperties properties) throws IOException {
        Path folder = Files.createDirectories(dataDirectory.resolve("captures"));
        return new LinkChecks(folder.resolve("links.tsv"), properties.capture().goneAfter());
    }

    @Bean
    @Lazy
    OriginalCheck originalCheck(
            SearchService search,
            ObjectProvider<ArticleSink> index,
            CaptureStore captureStore,
            LinkChecks linkChecks,
            Fetcher fetcher,
            Clock clock,
            ArchiveProperties properties) {
        return new OriginalCheck(
                search,
                index::getObject,
                captureStore,
                linkChecks,
                fetcher,
                clock,
                properties.capture().threads());
    }

    /** Only the server runs capture jobs; commands capture in their own process. */
    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    CaptureJobs captureJobs(ObjectProvider<MediaCapture> media, ObjectProvider<OriginalCheck> links, Clock clock) {
        return new CaptureJobs(media::getObject, links::getObject, clock);
    }

    /** The archive's copies of article images, as records give them: the ones the reading page shows. */
    @Bean
    CaptureView captureView(ObjectProvider<CaptureStore> captureStore, ObjectProvider<LinkChecks> linkChecks) {
        return new CaptureView() {
            @Override
            public Optional<ArchivedImage> find(String url) {
                return captureStore
                        .getObject()
                        .image(url)
                        .filter(capture ->
                                PayloadTypes.isInlineImage(capture.answer().type()))
                        .map(capture ->
                                new ArchivedImage("/media/" + capture.answer().sha256(), capture.time()));
            }

            @Override
            public OriginalRecord original(String url) {
                if (url == null) {
                    return OriginalRecord.UNCHECKED;
                }
                Original original = linkChecks.getObject().original(url);
                return new OriginalRecord(
                        original.status().label(),
                        original.httpStatus(),
                        original.checkedAt(),
                        original.goneSince(),
                        original.finalUrl());
            }

            @Override
            public long generation() {
                return captureStore.getObject().generation()
                        + linkChecks.getObject().generation();
            }
        };
    }

    @Bean
    @Lazy
    MediaCapture mediaCapture(
            SearchService search, CaptureStore captureStore, Fetcher fetcher, ArchiveProperties properties) {
        return new MediaCapture(
                search, captureStore, fetcher, properties.capture().threads());
    }
}
