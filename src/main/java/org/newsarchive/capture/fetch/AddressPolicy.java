package org.newsarchive.capture.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses and ports the fetcher may connect to. It takes URLs from mirrored pages, which anybody could have
 * written, so it must never be turned against the machine it runs on or the network around it: loopback, private,
 * link-local, shared, multicast, unspecified and reserved addresses are refused, in IPv4 and IPv6, and IPv6 forms
 * that carry an IPv4 address (mapped, compatible, 6to4, NAT64) are judged by the address they carry. Public addresses
 * may be fetched on the configured ports only (80 and 443 by default). Blocks opened by configuration (tests only)
 * are allowed on any port. Immutable and thread-safe.
 */
public final class AddressPolicy {

    private record Block(Cidr cidr, String kind) {}

    private static final List<Block> REFUSED = List.of(
            block("0.0.0.0/8", "an unspecified address"),
            block("10.0.0.0/8", "a private address"),
            block("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.0.0/16", "a link-local address"),
            block("172.16.0.0/12", "a private address"),
            block("192.0.0.0/24", "a reserved address"),
            block("192.0.2.0/24", "a reserved (documentation) address"),
            block("192.88.99.0/24", "a reserved (relay) address"),
            block("192.168.0.0/16", "a private address"),
            block("198.18.0.0/15", "a reserved (benchmarking) address"),
            block("198.51.100.0/24", "a reserved (documentation) address"),
            block("203.0.113.0/24", "a reserved (documentation) address"),
            block("224.0.0.0/4", "a multicast address"),
            block("240.0.0.0/4", "a reserved address"),
            block("::/128", "an unspecified address"),
            block("::1/128", "a loopback address"),
            block("100::/64", "a reserved (discard) address"),
            block("2001:db8::/32", "a reserved (documentation) address"),
            block("2001::/23", "a reserved (protocol) address"),
            block("fc00::/7", "a private (unique local) address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a private (site-local) address"),
            block("ff00::/8", "a multicast address"));

    private final List<Cidr> opened;
    private final Set<Integer> ports;

    /**
     * @param opened blocks allowed on any port although they may be refused otherwise, such as
     *     {@code 127.0.0.2/32}; in CIDR notation
     * @param ports the ports allowed on public addresses
     * @throws IllegalArgumentException when a block is not CIDR notation
     */
    public AddressPolicy(List<String> opened, List<Integer> ports) {
        this.opened = opened.stream().map(Cidr::parse).toList();
        this.ports = Set.copyOf(ports);
    }

    /** The default policy: nothing opened, ports 80 and 443. */
    public static AddressPolicy publicWeb() {
        return new AddressPolicy(List.of(), List.of(80, 443));
    }

    /** Why a connection to {@code address} on {@code port} is refused; empty when it is allowed. */
    public Optional<String> refusal(InetAddress address, int port) {
        if (opened.stream().anyMatch(block -> block.contains(address))) {
            return Optional.empty();
        }
        Optional<String> kind = kind(address);
        if (kind.isPresent()) {
            return Optional.of(address.getHostAddress() + " is " + kind.get());
        }
        if (!ports.contains(port)) {
            return Optional.of("port " + port + " is not fetched (only "
                    + ports.stream().sorted().toList() + ")");
        }
        return Optional.empty();
    }

    /** What makes {@code address} refused on every port, such as "a loopback address"; empty for public ones. */
    static Optional<String> kind(InetAddress address) {
        InetAddress judged = carriedIpv4(address);
        for (Block block : REFUSED) {
            if (block.cidr().contains(judged)) {
                return Optional.of(
                        judged == address ? block.kind() : block.kind() + " (as " + judged.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, 6to4 or NAT64), else the address itself. */
    private static InetAddress carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = allZero(bytes, 0, 10);
        if (zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return ipv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (zeroPrefix && bytes[10] == 0 && bytes[11] == 0 && !allZero(bytes, 12, 14)) {
            return ipv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            return ipv4(Arrays.copyOfRange(bytes, 2, 6));
        }
        if ((bytes[0] & 0xff) == 0x00
                && (bytes[1] & 0xff) == 0x64
                && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b
                && allZero(bytes, 4, 12)) {
            return ipv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        return address;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Block block(String cidr, String kind) {
        return new Block(Cidr.parse(cidr), kind);
    }
}
