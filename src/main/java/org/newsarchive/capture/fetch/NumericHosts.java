package org.newsarchive.capture.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Host names that are addresses. Canonical literals ({@code 93.184.216.34}, {@code [2001:db8::1]}) are read without
 * DNS; any other all-numeric form ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}) is one that
 * resolvers read differently (the C library's {@code inet_aton} reads all of these as 127.0.0.1), so the archive
 * refuses it rather than guess. Stateless.
 */
final class NumericHosts {

    private static final Pattern DOTTED_DECIMAL =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** Hex digits, dots and {@code x}: what {@code inet_aton} could take for an address, in one of its forms. */
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(?i)[0-9a-fx.]+");

    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+");

    private NumericHosts() {}

    /** Whether {@code host} is a canonical IPv4 or IPv6 literal (IPv6 with or without brackets). */
    static boolean isLiteral(String host) {
        String bare = unbracketed(host);
        return DOTTED_DECIMAL.matcher(bare).matches()
                || (bare.contains(":") && IPV6.matcher(bare).matches());
    }

    /**
     * Whether {@code host} is an address written in a form other than the canonical one. A name like
     * {@code cafe.be} is hex too, so only names whose last label is numeric count: a top-level domain is never all
     * digits.
     */
    static boolean isAmbiguous(String host) {
        if (isLiteral(host) || !NUMERIC_LOOKING.matcher(host).matches()) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1].isEmpty() && labels.length > 1
                ? labels[labels.length - 2]
                : labels[labels.length - 1];
        return last.matches("(?i)\\d+|0x[0-9a-f]*");
    }

    /** The address of a literal; {@link #isLiteral} must hold. No DNS is asked. */
    static InetAddress parseLiteral(String host) {
        try {
            return InetAddress.getByName(unbracketed(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address", e);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
