package pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;

/** Fetches pages with the JDK's HttpClient, awaiting its CompletableFutures. */
public class Fetcher {

    private final HttpClient client = HttpClient.newHttpClient();

    @Async
    public Coroutine<String> fetch(URI page) {
        HttpResponse<String> response = await(client.sendAsync(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
        return completed(response.body());
    }

    @Async
    public Coroutine<List<String>> fetchAll(List<URI> pages) {
        List<Coroutine<String>> fetches = new ArrayList<>();
        for (URI page : pages) {
            fetches.add(fetch(page));
        }
        return gather(fetches);
    }
}
