package org.newsarchive.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.capture.fetch.AddressPolicy;
import org.newsarchive.capture.fetch.FetchSettings;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.HostResolver;
import org.newsarchive.search.SearchService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

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

    @Bean
    @Lazy
    MediaCapture mediaCapture(
            SearchService search, CaptureStore captureStore, Fetcher fetcher, ArchiveProperties properties) {
        return new MediaCapture(
                search, captureStore, fetcher, properties.capture().threads());
    }
}
