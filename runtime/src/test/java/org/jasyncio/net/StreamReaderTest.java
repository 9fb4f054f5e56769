package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Loops;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** StreamReader fed by hand: what each read takes, limits, the end of the stream and failures. */
class StreamReaderTest {

    private final EventLoop loop = Loops.virtual();
    private final StreamReader reader = new StreamReader(loop, 8);

    private void feed(String text) {
        reader.feedData(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private String run(Coroutine<byte[]> read) {
        return new String(loop.runUntilComplete(read), StandardCharsets.US_ASCII);
    }

    @Test
    void readLine_takesThroughTheNewline_thenWhatIsLeftAtEof() throws Exception {
        feed("ab\ncd");
        reader.feedEof();
        assertEquals("ab\n", run(reader.readLine()));
        assertEquals("cd", run(reader.readLine()));
        assertEquals("", run(reader.readLine()));
        assertTrue(reader.atEof());
    }

    @Test
    void read_waitsForData_andTakesAtMostN() throws Exception {
        Task<byte[]> read = loop.createTask(reader.read(3));
        loop.callSoon(() -> feed("hello"));
        assertEquals("hel", new String(loop.runUntilComplete(read), StandardCharsets.US_ASCII));
        assertEquals("", run(reader.read(0)));
        assertEquals("lo", run(reader.read(10)));
    }

    @Test
    void readUntil_pastTheLimit_throwsAndKeepsTheBytes() throws Exception {
        feed("0123456789");
        LimitOverrunException e = assertThrows(LimitOverrunException.class, () -> run(reader.readUntil(new byte[] {'!'})));
        assertTrue(e.getMessage().contains("limit of 8"), e.getMessage());
        assertEquals("0123", run(reader.readExactly(4)));
    }

    @Test
    void readUntil_atEof_isIncompleteWithWhatWasRead() throws Exception {
        feed("abc");
        reader.feedEof();
        IncompleteReadException e = assertThrows(IncompleteReadException.class, () -> run(reader.readUntil(new byte[] {';'})));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), e.partial());
        assertEquals(-1, e.expected());
    }

    @Test
    void twoWaitingReads_secondIsRejected() throws Exception {
        Task<byte[]> first = loop.createTask(reader.read(1));
        Task<byte[]> second = loop.createTask(reader.read(1));
        loop.runUntilComplete(org.jasyncio.Asyncio.sleep(0));
        assertFalse(first.isDone());
        IllegalStateException e = assertThrows(IllegalStateException.class, second::result);
        assertTrue(e.getMessage().contains("already waiting"), e.getMessage());
        feed("x");
        assertEquals("x", new String(loop.runUntilComplete(first), StandardCharsets.US_ASCII));
    }

    @Test
    void afterAFailure_everyReadThrowsIt() throws Exception {
        Task<byte[]> waiting = loop.createTask(reader.read(1));
        SocketException reset = new SocketException("Connection reset");
        loop.callSoon(() -> reader.setException(reset));
        assertEquals(reset, assertThrows(SocketException.class, () -> loop.runUntilComplete(waiting)));
        assertEquals(reset, assertThrows(SocketException.class, () -> run(reader.readLine())));
    }
}
