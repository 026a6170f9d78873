package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsarchive.request.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any request under {@code /api} that no endpoint serves. When an endpoint exists at the address but not for the
 * request's method, does not take its body's type, or cannot produce what the request accepts, the answer is a 405
 * (with {@code Allow}), 415 or 406 problem document; else a 404 one, never an HTML page.
 *
 * <p>This catch-all matches every method and media type, so Spring would pick it over answering 405 or 406 itself;
 * it therefore asks the handler mapping which endpoints share the address. Thread-safe.
 */
@RestController
@Hidden
class UnknownApiPath {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownApiPath(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Everything under /api except Swagger UI's own resources, which springdoc serves under /api/swagger-ui. */
    @RequestMapping({"/api/{segment:(?!swagger-ui$).*}", "/api/{segment:(?!swagger-ui$).*}/**"})
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        boolean methodServed = false;
        boolean bodyRefused = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getObject().getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            if (mapping.getValue().getBeanType() == UnknownApiPath.class
                    || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            methods.forEach(method -> allowed.add(method.name()));
            if (methods.isEmpty() || methods.contains(RequestMethod.resolve(request.getMethod()))) {
                methodServed = true;
                bodyRefused |= info.getConsumesCondition().getMatchingCondition(request) == null;
            }
        }
        if (!allowed.isEmpty() && !methodServed) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            String allow = String.join(", ", allowed);
            return ResponseEntity.status(ApiErrors.Problem.METHOD_NOT_ALLOWED.status)
                    .header(HttpHeaders.ALLOW, allow)
                    .body(ApiErrors.Problem.METHOD_NOT_ALLOWED.detail(request.getMethod() + " is not served at "
                            + request.getRequestURI() + "; allowed: " + allow));
        }
        if (bodyRefused) {
            return ResponseEntity.status(ApiErrors.Problem.UNSUPPORTED_MEDIA_TYPE.status)
                    .body(ApiErrors.Problem.UNSUPPORTED_MEDIA_TYPE.detail(
                            request.getRequestURI() + " does not take a body of type " + request.getContentType()));
        }
        if (methodServed) {
            return ResponseEntity.status(ApiErrors.Problem.NOT_ACCEPTABLE.status)
                    .body(ApiErrors.Problem.NOT_ACCEPTABLE.detail("cannot answer " + request.getRequestURI()
                            + " in a type the Accept header allows (" + request.getHeader(HttpHeaders.ACCEPT)
                            + "); it answers application/json"));
        }
        throw new NotFoundException("no endpoint at " + request.getRequestURI() + "; see /v3/api-docs");
    }
}
