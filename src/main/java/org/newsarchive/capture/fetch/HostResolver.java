package org.newsarchive.capture.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into its addresses. The system's resolver in production; tests give names to their loopback
 * servers with a fixed table, so that no query leaves the machine.
 */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver (DNS, {@code /etc/hosts}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** @throws UnknownHostException when the name does not resolve */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
