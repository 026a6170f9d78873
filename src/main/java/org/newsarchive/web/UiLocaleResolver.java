package org.newsarchive.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the interface language: the reader's choice from the switcher ({@code ?lang=}, then remembered in a
 * cookie), else the first language of {@code Accept-Language} the archive speaks, else simplified Chinese.
 */
final class UiLocaleResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    static final String COOKIE = "lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosen(request)
                .or(() -> cookie(request))
                .or(() -> accepted(request))
                .orElse(UiLanguage.SIMPLIFIED)
                .locale();
    }

    private static Optional<UiLanguage> chosen(HttpServletRequest request) {
        String tag = request.getParameter(PARAMETER);
        return tag == null ? Optional.empty() : UiLanguage.ofTag(tag);
    }

    private static Optional<UiLanguage> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(COOKIE)) {
                return UiLanguage.ofTag(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<UiLanguage> accepted(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<UiLanguage> language = UiLanguage.closestTo(locale);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    /** Remembers the reader's choice; a null locale forgets it. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<UiLanguage> language = locale == null ? Optional.empty() : UiLanguage.closestTo(locale);
        Cookie cookie = new Cookie(COOKIE, language.map(UiLanguage::tag).orElse(""));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(language.isPresent() ? ONE_YEAR : 0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
