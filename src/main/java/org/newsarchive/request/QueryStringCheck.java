package org.newsarchive.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers a query string that is not percent-encoded UTF-8 ({@code q=%ZZ}, {@code q=%FF}, a lone surrogate
 * {@code %ED%A0%80}, a cut character {@code %F0%9F%98}, a stray {@code %}) with a 400 that names the parameter,
 * in the API's problem format or as the site's error page, as any other invalid parameter is answered.
 *
 * <p>The servlet container refuses such a query string only when a parameter is first read, with an exception that
 * no handler expected, so every such request used to be a 500. This filter checks the raw query string first. When
 * it is malformed, the request goes on with its parameters decoded leniently (malformed bytes become U+FFFD), so that
 * nothing downstream trips over it, and {@link #interceptor()} then throws {@link InvalidParameterException} before
 * the controller runs, where the controller's own error handling answers it. Thread-safe and stateless.
 */
public final class QueryStringCheck extends OncePerRequestFilter {

    private static final String MALFORMED = QueryStringCheck.class.getName() + ".malformed";
    private static final int MAX_SHOWN = 40;

    /** A parameter whose name or value does not decode, and the raw text that does not. */
    record Malformed(String parameter, String raw) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        Malformed malformed = query == null ? null : firstMalformed(query);
        if (malformed == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(MALFORMED, malformed);
        chain.doFilter(new LenientParameters(request, query), response);
    }

    /** Throws for the malformed parameter before one of the archive's controllers handles the request. */
    public static HandlerInterceptor interceptor() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(MALFORMED) instanceof Malformed malformed
                        && handler instanceof HandlerMethod method
                        && method.getBeanType().getPackageName().startsWith("org.newsarchive")) {
                    String shown = malformed.raw().length() > MAX_SHOWN
                            ? malformed.raw().substring(0, MAX_SHOWN) + "…"
                            : malformed.raw();
                    throw new InvalidParameterException(
                            malformed.parameter(), "is not percent-encoded UTF-8: " + shown);
                }
                return true;
            }
        };
    }

    /** The first parameter of {@code query} whose name or value is not percent-encoded UTF-8, or null. */
    static Malformed firstMalformed(String query) {
        for (String[] pair : pairs(query)) {
            String name = decode(pair[0], true);
            if (name == null) {
                return new Malformed(decode(pair[0], false), pair[0]);
            }
            if (decode(pair[1], true) == null) {
                return new Malformed(name, pair[1]);
            }
        }
        return null;
    }

    /** The raw name and value of each {@code name=value} of a query string, empty ones left out. */
    private static List<String[]> pairs(String query) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(
                        equals < 0
                                ? new String[] {pair, ""}
                                : new String[] {pair.substring(0, equals), pair.substring(equals + 1)});
            }
        }
        return pairs;
    }

    /**
     * Decodes form-encoded text ({@code +} for space, {@code %XX} for a byte, UTF-8 throughout); null when strict
     * and it is malformed, U+FFFD for each malformed part when lenient.
     */
    static String decode(String encoded, boolean strict) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    if (strict) {
                        return null;
                    }
                    bytes.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder =
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        try {
            CharBuffer decoded = decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return decoded.toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }

    /** The request with its query parameters decoded leniently, so that reading them cannot fail. */
    private static final class LenientParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        LenientParameters(HttpServletRequest request, String query) {
            super(request);
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String[] pair : pairs(query)) {
                values.computeIfAbsent(decode(pair[0], false), key -> new ArrayList<>())
                        .add(decode(pair[1], false));
            }
            Map<String, String[]> arrays = new LinkedHashMap<>();
            values.forEach((name, list) -> arrays.put(name, list.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(arrays);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
