package org.newsarchive.web;

import jakarta.servlet.http.HttpServletResponse;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error pages in the site's style for the page controllers. A reader gets a clear message and a way back, never a
 * stack trace; unexpected failures are logged with their cause and shown as a plain 500. Addresses no controller
 * serves reach Spring Boot's error controller, which renders the same {@code error} template.
 */
@ControllerAdvice(basePackages = "org.newsarchive.web")
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.NOT_FOUND, null, response, model);
    }

    @ExceptionHandler(InvalidParameterException.class)
    String invalidParameter(InvalidParameterException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, null, response, model);
    }

    /** The engine cannot answer for now: the reader is asked to try again shortly. */
    @ExceptionHandler(SearchUnavailableException.class)
    String unavailable(SearchUnavailableException e, HttpServletResponse response, Model model) {
        log.warn("Search unavailable: {}", e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        return page(HttpStatus.SERVICE_UNAVAILABLE, null, response, model);
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletResponse response, Model model) {
        log.error("Page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, response, model);
    }

    private static String page(HttpStatus status, String detail, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("detail", detail);
        return "error";
    }
}
