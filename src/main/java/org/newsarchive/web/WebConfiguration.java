package org.newsarchive.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.request.QueryStringCheck;
import org.newsarchive.search.SearchService;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Interface language, security headers, pages cached per snapshot and other cross-cutting settings of the web layer. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LocaleResolver localeResolver = new UiLocaleResolver();

    /** The interface texts with ICU plural rules; Spring finds them by this bean name. */
    @Bean
    MessageSource messageSource() {
        return new IcuMessageSource();
    }

    /** Spring finds the resolver by this bean name. */
    @Bean
    LocaleResolver localeResolver() {
        return localeResolver;
    }

    /** Browsers ask for {@code /favicon.ico} on their own; the archive's icon is an SVG under {@code /assets/}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/favicon.ico", "/assets/favicon.svg")
                .setStatusCode(HttpStatus.MOVED_PERMANENTLY);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(QueryStringCheck.interceptor());
        registry.addInterceptor(new LanguageSwitch(localeResolver));
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(ArchiveProperties properties) {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
                new SecurityHeaders(properties.web().remoteImages()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * An encoded slash ({@code %2F}) in a path reaches the archive, still encoded, instead of being refused by
     * Tomcat with its own HTML page: the address then matches no article and gets the archive's 404, in the API's
     * problem format or as the site's page. Left encoded, it can never make a path climb out of its folder.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheArchive() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** Before anything reads a parameter: a malformed query string must become a 400, never a 500. */
    @Bean
    FilterRegistrationBean<QueryStringCheck> queryStringCheck() {
        FilterRegistrationBean<QueryStringCheck> registration = new FilterRegistrationBean<>(new QueryStringCheck());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the security headers, which every answer gets, cached or not. */
    @Bean
    FilterRegistrationBean<SnapshotPageCache> snapshotPageCache(SearchService search) {
        FilterRegistrationBean<SnapshotPageCache> registration =
                new FilterRegistrationBean<>(new SnapshotPageCache(search, localeResolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
