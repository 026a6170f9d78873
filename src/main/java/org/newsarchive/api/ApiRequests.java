package org.newsarchive.api;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Facts about the current API request that responses need. */
final class ApiRequests {

    private ApiRequests() {}

    /** The archive's address as the client reached it, such as {@code http://localhost:8080}, for absolute links. */
    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
