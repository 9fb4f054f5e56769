package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The echo server written with Netty, as its own echo example writes one: the NIO transport, one
 * event-loop thread that both accepts and serves, each message written back as it is read and
 * flushed once the read is complete.
 *
 * <p>Thread rule: the handler runs on Netty's event-loop thread; this class's methods may be
 * called from any thread.
 */
final class NettyEchoServer implements EchoServer {

    /** The listen backlog, the same as jasyncio's default. */
    private static final int LISTEN_BACKLOG = 100;

    private final EventLoopGroup group;
    private final Channel listener;
    private final AtomicInteger open;

    private NettyEchoServer(EventLoopGroup group, Channel listener, AtomicInteger open) {
        this.group = group;
        this.listener = listener;
        this.open = open;
    }

    /** Starts the server on 127.0.0.1, on a free port. */
    static NettyEchoServer start() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        AtomicInteger open = new AtomicInteger();
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, LISTEN_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Echo(open))
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return new NettyEchoServer(group, listener, open);
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public int connections() {
        return open.get();
    }

    @Override
    public void close() throws IOException {
        try {
            listener.close().sync();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        } catch (InterruptedException e) {
            throw EchoServer.interrupted(this, e);
        }
    }

    /** The handler every connection shares. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        private final AtomicInteger open;

        Echo(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            open.incrementAndGet();
            context.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            open.decrementAndGet();
            context.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            context.write(message);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
