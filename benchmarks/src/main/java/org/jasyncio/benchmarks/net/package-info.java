/**
 * The networking benchmarks, a harness of plain main classes (not JMH: each alternative needs its
 * own sockets, threads and, for the idle connections, its own process): {@link
 * org.jasyncio.benchmarks.net.EchoBenchmark echo} over loopback (jasyncio's streams and protocol
 * servers, Netty on one NIO event-loop thread, blocking sockets on virtual threads, against one NIO
 * client), {@link org.jasyncio.benchmarks.net.IdleConnections heap per idle connection}, and
 * {@link org.jasyncio.benchmarks.net.FetchBenchmark fetch} (GETs of a static page from a local
 * nginx with the Streams HTTP client of the demos, the JDK's {@code HttpClient} awaited or on
 * virtual threads, and aiohttp). Each alternative runs in a process of its own; each driver prints
 * the table of BENCHMARKS.md.
 *
 * <pre>{@code
 * benchmarks/net/run.sh               # all three: builds, installs nginx and aiohttp where it may, runs
 * benchmarks/net/run.sh echo idle     # some of them
 * }</pre>
 *
 * The normal build runs only a smoke test, small, short and in one JVM, that needs no nginx.
 */
package org.jasyncio.benchmarks.net;
