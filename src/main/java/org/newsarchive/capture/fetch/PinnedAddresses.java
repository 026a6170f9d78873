package org.newsarchive.capture.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: it answers only with the addresses the fetcher has just checked for the host it is
 * fetching on this thread, so the client connects to exactly the address that was judged, and a name that resolves
 * to a public address once and to a private one a moment later (DNS rebinding) cannot reach the private one. A host
 * not pinned is refused. The classic client connects on the thread that executes the request. Thread-safe.
 */
final class PinnedAddresses implements DnsResolver {

    private final ThreadLocal<Map<String, InetAddress[]>> pinned = ThreadLocal.withInitial(Map::of);

    /** Makes {@code addresses} the answer for {@code host} on this thread until {@link #clear}. */
    void pin(String host, InetAddress[] addresses) {
        pinned.set(Map.of(host.toLowerCase(Locale.ROOT), addresses.clone()));
    }

    void clear() {
        pinned.remove();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = pinned.get().get(host.toLowerCase(Locale.ROOT));
        if (addresses == null) {
            throw new UnknownHostException(host + " was not checked before connecting");
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
