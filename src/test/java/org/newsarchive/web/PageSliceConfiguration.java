package org.newsarchive.web;

import java.time.Clock;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.representation.CaptureView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every page controller slice needs besides its controller: the archive's settings, the page formatter, the
 * clock, and an image archive that holds no copies (the slices serve no media).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
@Import(PageFormat.class)
public class PageSliceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CaptureView captureView() {
        return CaptureView.NONE;
    }
}
