package org.newsarchive.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.newsarchive.representation.SearchFallback;
import org.newsarchive.request.KnownParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Cross-origin reads, the check of parameter names and the OpenAPI description of the JSON API. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    /** Response headers that browser code on other sites may read, beyond the few CORS lets through by default. */
    private static final String[] EXPOSED_HEADERS = {
        HttpHeaders.LINK,
        HttpHeaders.ETAG,
        HttpHeaders.CONTENT_DISPOSITION,
        HttpHeaders.LAST_MODIFIED,
        HttpHeaders.RETRY_AFTER,
        SearchFallback.HEADER
    };

    /** Any site may read the archive from a browser; writes stay same-origin. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .exposedHeaders(EXPOSED_HEADERS)
                .maxAge(3600);
        registry.addMapping("/feed.atom")
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .exposedHeaders(EXPOSED_HEADERS);
    }

    /**
     * A parameter an endpoint does not take is refused, not ignored; after the check of the query string's encoding
     * (order 0), which names a malformed parameter first. The catch-all for unknown addresses takes any parameter.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParameters(handler -> handler.getBeanType() != UnknownApiPath.class
                        && handler.getBeanType().getPackageName().equals(ApiConfiguration.class.getPackageName())))
                .order(1);
    }

    @Bean
    OpenApiContract openApiContract() {
        return new OpenApiContract();
    }

    @Bean
    OpenAPI archiveApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("News archive API")
                        .version("1")
                        .description("Search and read an archive of censored and deleted Chinese news. JSON is "
                                + "UTF-8 with camelCase fields; errors are RFC 9457 problem documents "
                                + "(application/problem+json) with a stable `type`. Simplified and traditional "
                                + "characters find each other in every query. Article texts belong to their "
                                + "publishers; the archive keeps them as evidence."))
                .components(new Components()
                        .addSecuritySchemes(
                                "adminToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The server's archive.admin-token")));
    }
}
