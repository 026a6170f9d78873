package org.newsarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.newsarchive.config.ArchiveProperties.RemoteImages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts, styles and fonts from the archive
 * only, with no inline script, so that even markup slipping past the sanitizer could not run. Images may come from
 * other hosts unless remote images are hidden. Pages are never framed and send no referrer to linked sites.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    private final String contentSecurityPolicy;
    private final String apiDocsPolicy;

    SecurityHeaders(RemoteImages remoteImages) {
        String images = remoteImages == RemoteImages.HIDE ? "'self' data:" : "'self' data: https: http:";
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images
                + "; font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none';"
                + " frame-ancestors 'none'; object-src 'none'";
        this.apiDocsPolicy = contentSecurityPolicy
                .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
                .replace("img-src " + images, "img-src 'self' data:");
    }

    /** Swagger UI, the API's documentation page, sets inline styles; it still runs no inline script. */
    private String policyFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/swagger-ui/") || path.startsWith("/api/docs") ? apiDocsPolicy : contentSecurityPolicy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policyFor(request));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        chain.doFilter(request, response);
    }
}
