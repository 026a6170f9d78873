package org.newsarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page's frame needs: the interface language and the language switcher's links. */
@ControllerAdvice(basePackages = "org.newsarchive.web")
class PageModel {

    /** One entry of the language switcher: the current page in another language. */
    record LanguageLink(String tag, String name, String href, boolean current) {}

    @ModelAttribute("uiLanguage")
    UiLanguage uiLanguage(Locale locale) {
        return UiLanguage.closestTo(locale).orElse(UiLanguage.SIMPLIFIED);
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
        UiLanguage current = uiLanguage(locale);
        return Arrays.stream(UiLanguage.values())
                .map(language -> new LanguageLink(
                        language.tag(), language.nativeName(), sameRequestIn(request, language), language == current))
                .toList();
    }

    /** The current path and parameters with {@code lang} set to the language. */
    private static String sameRequestIn(HttpServletRequest request, UiLanguage language) {
        StringJoiner query = new StringJoiner("&", request.getRequestURI() + "?", "");
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals(UiLocaleResolver.PARAMETER)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                query.add(encode(parameter.getKey()) + "=" + encode(value));
            }
        }
        query.add(UiLocaleResolver.PARAMETER + "=" + language.tag());
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
