package org.newsarchive.capture.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block of addresses in CIDR notation, such as {@code 127.0.0.0/8} or {@code fc00::/7}. Immutable.
 *
 * @param network the block's first address, as bytes (4 for IPv4, 16 for IPv6)
 * @param prefix how many leading bits an address shares with {@code network} to be in the block
 */
record Cidr(byte[] network, int prefix) {

    Cidr {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range");
        }
        network = network.clone();
    }

    /**
     * Reads {@code 10.0.0.0/8}, {@code fe80::/10} or a single address (a block of one). Only numeric addresses are
     * read, never a host name, so parsing never asks DNS.
     *
     * @throws IllegalArgumentException when {@code text} is not such a block
     */
    static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!NumericHosts.isLiteral(address)) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR block such as 127.0.0.0/8");
        }
        byte[] bytes = NumericHosts.parseLiteral(address).getAddress();
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after its '/'");
        }
        return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefix == prefix && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }
}
