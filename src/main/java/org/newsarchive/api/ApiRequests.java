package org.newsarchive.api;

import org.newsarchive.representation.PageLinks;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Facts about the current API request that responses need. */
final class ApiRequests {

    private ApiRequests() {}

    /** The archive's address as the client reached it, such as {@code http://localhost:8080}, for absolute links. */
    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /**
     * The absolute address of the first page of the current search at {@code path}: every parameter sent but
     * {@code page} and {@code cursor}.
     */
    static String firstPage(String path) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return PageLinks.firstPage(baseUrl(), path, request.getParameterMap());
    }
}
