package io.parley.bench;

import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The generator's client sockets share these Netty event loops. One loop is the default:
 * the generator has one core of its own, and a second loop on it would only add context
 * switches.
 * <p>
 * On Linux the loops use epoll, whose timers are exact to the microsecond. Java's
 * selector (the fallback elsewhere) waits in whole milliseconds and spins through shorter
 * waits, so there the pacers tick once a millisecond at most.
 */
final class Sockets implements AutoCloseable {

	private final EventLoopGroup loops;

	private final Bootstrap bootstrap;

	private final long tickNanos;

	/**
	 * @param tickMicros the shortest time between two runs of a pacer (see {@link Pacer})
	 */
	Sockets(int threads, long tickMicros) {
		boolean epoll = Epoll.isAvailable();
		this.loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-io", true),
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		this.tickNanos = TimeUnit.MICROSECONDS.toNanos(epoll ? tickMicros : Math.max(tickMicros, 1000));
		this.bootstrap = new Bootstrap().group(this.loops)
			.channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
	}

	long tickNanos() {
		return this.tickNanos;
	}

	/** A copy to give a handler to; it connects on the shared loops. */
	Bootstrap bootstrap() {
		return this.bootstrap.clone();
	}

	@Override
	public void close() {
		this.loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
