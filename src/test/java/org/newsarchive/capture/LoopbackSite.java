package org.newsarchive.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A web site on a loopback address for capture tests: each path answers as it is told (a body with a type, a
 * status, a redirect), and every request it gets is counted, so a test can tell that nothing reached it.
 */
public final class LoopbackSite implements AutoCloseable {

    /** How one path answers. */
    public record Page(int status, String type, byte[] body, Map<String, String> headers) {

        public static Page of(String type, byte[] body) {
            return new Page(200, type, body, Map.of());
        }

        public static Page status(int status) {
            return new Page(status, "text/html", ("<title>" + status + "</title>").getBytes(), Map.of());
        }

        public static Page redirect(int status, String location) {
            return new Page(status, "text/html", new byte[0], Map.of("Location", location));
        }

        /** A path that takes the request and answers nothing until the site closes, as a host that hangs. */
        public static Page silent() {
            return new Page(SILENT, "text/html", new byte[0], Map.of());
        }
    }

    private static final int SILENT = -1;

    /** Released when the site closes: silent paths hold their requests until then. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private volatile java.util.function.IntConsumer beforeAnswer = count -> {};

    /** A site on {@code address} (such as 127.0.0.2), on a port the system picks. */
    public LoopbackSite(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Makes {@code path} answer with {@code page}; returns its URL. */
    public String put(String path, Page page) {
        pages.put(path, page);
        return url(path);
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The method and path of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Runs {@code hook} with the number of requests received so far before each answer, on the server's thread. */
    public void beforeAnswer(java.util.function.IntConsumer hook) {
        beforeAnswer = hook;
    }

    /** The headers of every request received, in order, by name as the JDK server spells them. */
    public List<Map<String, List<String>>> requestHeaders() {
        return List.copyOf(headers);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(exchange.getRequestMethod() + " " + path);
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        beforeAnswer.accept(requests.size());
        Page page = pages.getOrDefault(path, Page.status(404));
        if (page.status() == SILENT) {
            try {
                closing.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", page.type());
        page.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(page.status(), head || page.body().length == 0 ? -1 : page.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(page.body());
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
