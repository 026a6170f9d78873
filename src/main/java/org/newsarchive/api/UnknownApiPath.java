package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.newsarchive.request.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any address under {@code /api} that no endpoint serves: a 404 problem document rather than an HTML page. */
@RestController
@Hidden
class UnknownApiPath {

    /** Everything under /api except Swagger UI's own resources, which springdoc serves under /api/swagger-ui. */
    @RequestMapping({"/api/{segment:(?!swagger-ui$).*}", "/api/{segment:(?!swagger-ui$).*}/**"})
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("no endpoint at " + request.getRequestURI() + "; see /v3/api-docs");
    }
}
