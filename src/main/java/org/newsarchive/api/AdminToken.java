package org.newsarchive.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.newsarchive.config.ArchiveProperties;
import org.springframework.stereotype.Component;

/**
 * The bearer token that the API's writing calls (ingest, capture) require. With no {@code archive.admin-token}
 * set, they are off. The token is compared in constant time. Immutable and thread-safe.
 */
@Component
class AdminToken {

    private final byte[] token;

    AdminToken(ArchiveProperties properties) {
        this.token = properties.adminToken() == null || properties.adminToken().isBlank()
                ? null
                : properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks an {@code Authorization} header for the call {@code what}, such as "ingest".
     *
     * @throws ApiProblemException 401 without a bearer token, 403 with a wrong one or when the server has none
     */
    void check(String authorization, String what) {
        if (token == null) {
            throw new ApiProblemException(
                    ApiErrors.Problem.FORBIDDEN, what + " over the API is off: the server has no archive.admin-token");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblemException(ApiErrors.Problem.UNAUTHORIZED, "send Authorization: Bearer <admin token>");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiProblemException(ApiErrors.Problem.FORBIDDEN, "the token is not the admin token");
        }
    }
}
