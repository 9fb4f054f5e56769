/**
 * Networking on the event loop, as asyncio's streams and transports: non-blocking channels
 * registered with the loop's selector, no thread per connection. {@link org.jasyncio.net.Streams}
 * opens and serves stream connections; {@code EventLoop.createConnection}, {@code createServer} and
 * {@code createDatagramEndpoint} run {@link org.jasyncio.net.Protocol}s over
 * {@link org.jasyncio.net.Transport}s.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
 *     for (byte[] line; (line = await(reader.readLine())).length > 0; ) {
 *         writer.write(line);
 *         await(writer.drain());
 *     }
 *     writer.close();
 *     return completed();
 * }
 *
 * Server server = await(Streams.startServer(Echo::echo, "localhost", 0));
 * }</pre>
 *
 * <p>Everything here is loop-thread only.
 */
package org.jasyncio.net;
