package org.newsarchive.web.article;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The most recently read article bodies as prepared for the reading page, bounded by their total length rather
 * than their number, since one article can be a thousand times longer than another. Thread-safe.
 */
final class PreparedBodies {

    private final long maxChars;
    private final Map<String, String> bodies = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    PreparedBodies(long maxChars) {
        this.maxChars = maxChars;
    }

    /** The body kept under {@code key}, or the one {@code prepare} makes, kept unless it alone exceeds the bound. */
    String get(String key, Supplier<String> prepare) {
        synchronized (bodies) {
            String known = bodies.get(key);
            if (known != null) {
                return known;
            }
        }
        String body = prepare.get();
        if (body.length() > maxChars) {
            return body;
        }
        synchronized (bodies) {
            String previous = bodies.put(key, body);
            chars += body.length() - (previous == null ? 0 : previous.length());
            Iterator<String> eldest = bodies.values().iterator();
            while (chars > maxChars && eldest.hasNext()) {
                chars -= eldest.next().length();
                eldest.remove();
            }
        }
        return body;
    }
}
