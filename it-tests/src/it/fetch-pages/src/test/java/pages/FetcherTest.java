package pages;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FetcherTest {

    static final int PAGES = 5;
    static final long DELAY_MS = 500;
    static final String WARM_UP = "/warm-up";

    @Test
    void pagesFetchedConcurrently_takeAboutOneDelay() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(PAGES);
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals(WARM_UP)) {
                    Thread.sleep(DELAY_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("page " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<URI> pages = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                pages.add(URI.create(base + "/p" + i));
                expected.add("page /p" + i);
            }
            Fetcher fetcher = new Fetcher();
            // Loads and starts the HTTP client, so that the time measured is the pages' alone.
            Asyncio.run(fetcher.fetch(URI.create(base + WARM_UP)));
            long start = System.nanoTime();
            List<String> bodies = Asyncio.run(fetcher.fetchAll(pages));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertEquals(expected, bodies);
            System.out.printf("PAGES count=%d delay-ms=%d total-ms=%d%n", PAGES, DELAY_MS, elapsed);
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
