package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.jasyncio.net.StreamsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Ten thousand connections opened, used and closed on one loop, with no descriptor leaked. */
class ManyConnectionsTest {

    private static final int CONNECTIONS = 10_000;
    private static final int AT_ONCE = 50;

    @Async
    static Coroutine<Integer> exchange(int port, int i) throws IOException {
        Connection connection = await(Streams.openConnection("127.0.0.1", port));
        connection.writer().write(bytes(i + "\n"));
        int echoed = Integer.parseInt(text(await(connection.reader().readLine())).trim());
        connection.writer().close();
        await(connection.writer().waitClosed());
        return completed(echoed);
    }

    @Async
    static Coroutine<Long> connections(int count) throws IOException {
        Server server = await(Streams.startServer(StreamsTest::echo, "127.0.0.1", 0));
        long sum = 0;
        for (int first = 0; first < count; first += AT_ONCE) {
            List<Coroutine<Integer>> batch = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + AT_ONCE); i++) {
                batch.add(exchange(port(server), i));
            }
            for (int echoed : await(gather(batch))) {
                sum += echoed;
            }
        }
        server.close();
        await(server.waitClosed());
        return completed(sum);
    }

    private static int openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        Assumptions.assumeTrue(fds != null, "no /proc/self/fd here to count open descriptors");
        return fds.length;
    }

    @Test
    void tenThousandConnections_leakNoDescriptor() throws Exception {
        // The first use of networking opens what the JDK keeps for good: count after it.
        assertEquals(0L, Asyncio.run(connections(1)));
        int before = openDescriptors();
        assertEquals((long) CONNECTIONS * (CONNECTIONS - 1) / 2, Asyncio.run(connections(CONNECTIONS)));
        assertEquals(before, openDescriptors());
    }
}
