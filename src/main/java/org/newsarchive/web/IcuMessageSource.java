package org.newsarchive.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The interface's messages ({@code messages*.properties}, UTF-8), formatted with ICU's {@link MessageFormat}, so that
 * a message says {@code {0, plural, one {# article} other {# articles}}} and each language applies its own CLDR
 * plural rules, and numbers are grouped as the language groups them ({@code {0, number, integer}}; a year is
 * passed as text). A message used without arguments is given as written.
 *
 * <p>Thread-safe: ICU's formats are not, so each message is formatted by a format made for the call.
 */
final class IcuMessageSource extends ResourceBundleMessageSource {

    IcuMessageSource() {
        setBasename("messages");
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale language = locale != null ? locale : Locale.ROOT;
        String pattern = resolveCodeWithoutArguments(code, language);
        if (pattern == null || args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, ULocale.forLocale(language)).format(resolveArguments(args, language));
    }
}
