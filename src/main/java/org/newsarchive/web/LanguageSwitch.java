package org.newsarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/** Remembers a language picked with {@code ?lang=} so the following pages keep it. Unknown tags are ignored. */
final class LanguageSwitch implements HandlerInterceptor {

    private final LocaleResolver resolver;

    LanguageSwitch(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String tag = request.getParameter(UiLocaleResolver.PARAMETER);
        if (tag != null) {
            UiLanguage.ofTag(tag).ifPresent(language -> resolver.setLocale(request, response, language.locale()));
        }
        return true;
    }
}
