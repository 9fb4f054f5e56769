package org.jasyncio.demos;

import java.time.Duration;
import java.util.List;

import org.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each demo, small and quick, so the normal build keeps them working; timings are the demos' own business. */
class DemosTest {

    @Test
    void tutorial_saysTheWordsInOrder_bothWays() {
        Tutorial tutorial = new Tutorial(Duration.ofMillis(5));
        assertEquals(List.of("hello", "world"), Asyncio.run(tutorial.sequential()));
        assertEquals(List.of("hello", "world"), Asyncio.run(tutorial.gathered()));
        assertEquals(List.of("hello", "world", "hello", "world"), tutorial.said());
    }

    @Test
    void pageFetching_returnsEveryPage_inOrder() throws Exception {
        try (PageFetching fetching = new PageFetching(Duration.ofMillis(5), 3)) {
            List<String> expected = List.of("page /page0", "page /page1", "page /page2");
            assertEquals(expected, Asyncio.run(fetching.oneByOne(fetching.pages(3))));
            assertEquals(expected, Asyncio.run(fetching.concurrently(fetching.pages(3))));
            assertEquals(expected, Asyncio.run(fetching.concurrently(fetching.pages(3), new StreamsHttpClient()::text)));
        }
    }

    @Test
    void footprint_measuresAPositiveCostPerTask() {
        // Enough tasks (over ten megabytes) to stand out of what other tests free meanwhile, and of G1's
        // accounting by regions of several megabytes on a large heap.
        assertTrue(Asyncio.run(Footprint.heapPerSuspendedTask(100_000, Duration.ofMillis(5))) > 0);
    }

    @Test
    void noPreemption_losesNoIncrement_andRotatesAtAwaits() {
        NoPreemption demo = new NoPreemption();
        assertEquals(3 * 1_000L, Asyncio.run(demo.onOneLoop(3, 1_000, 250)));
        assertEquals(List.of("t0", "t1", "t2", "t0", "t1", "t2"), demo.turns().subList(0, 6));
    }

    @Test
    void crawler_visitsEveryPageOnce_withinTheSemaphoresLimit() throws Exception {
        try (Crawler crawler = new Crawler(15, Duration.ofMillis(5))) {
            assertEquals(15, Asyncio.run(crawler.crawl(6, 3, Duration.ofSeconds(30))));
            assertTrue(crawler.mostRequestsInFlight() <= 3, "requests in flight: " + crawler.mostRequestsInFlight());
        }
    }
}
