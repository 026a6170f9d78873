package org.newsarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /** The parameters whose problems the error page explains in the reader's language. */
    private static final Set<String> EXPLAINED = Set.of("q", "page", "from", "to", "sort", "year", "year_month");

    private final PageModel frame;

    PageErrors(PageModel frame) {
        this.frame = frame;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.NOT_FOUND, null, request, response, model);
    }

    @ExceptionHandler(InvalidParameterException.class)
    String invalidParameter(
            InvalidParameterException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute(
                "explanation", EXPLAINED.contains(e.parameter()) ? "error.parameter." + e.parameter() : null);
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), request, response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, null, request, response, model);
    }

    /** The engine cannot answer for now: the reader is asked to try again shortly. */
    @ExceptionHandler(SearchUnavailableException.class)
    String unavailable(
            SearchUnavailableException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("Search unavailable: {}", e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        return page(HttpStatus.SERVICE_UNAVAILABLE, null, request, response, model);
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, request, response, model);
    }

    /**
     * The error page with the site's frame: the language switcher (exception handlers get no model attributes of
     * their own) and the search box holding the query the reader sent, so that it can be corrected.
     */
    private String page(
            HttpStatus status, String detail, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("uiLanguage", frame.uiLanguage(locale));
        model.addAttribute("languageLinks", frame.languageLinks(request, locale));
        String query = request.getParameter("q");
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("status", status.value());
        model.addAttribute("detail", detail);
        return "error";
    }
}
