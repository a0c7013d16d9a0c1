package io.parley.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * One client socket on the generator's Netty loops. Event frames go to a
 * {@link FrameHandler} as bytes; frames of the handshake, the wire's own protocol and the
 * one a caller waits for are read as strings, which is rare.
 */
final class BenchSocket {

	private static final int MAX_FRAME = 1 << 20;

	private final Wire wire;

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private volatile FrameHandler handler = FrameHandler.IGNORE;

	private volatile String awaitedEvent;

	private volatile CompletableFuture<String> awaited;

	private volatile Channel channel;

	private BenchSocket(Wire wire) {
		this.wire = wire;
	}

	/** Opens a socket; the future completes when the server is ready for events. */
	static CompletableFuture<BenchSocket> open(Sockets sockets, URI base, Wire wire, String token) {
		BenchSocket client = new BenchSocket(wire);
		URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + wire.path(token));
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(uri)
			.maxFramePayloadLength(MAX_FRAME)
			.handshakeTimeoutMillis(30_000)
			.withUTF8Validator(false) // the generator trusts the servers' text;
										// validating costs CPU per frame
			.build();
		client.channel = sockets.bootstrap().handler(new ChannelInitializer<SocketChannel>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				channel.pipeline()
					.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
							new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
							client.new Reader());
			}
		}).connect(uri.getHost(), uri.getPort()).addListener((future) -> {
			if (!future.isSuccess()) {
				client.ready.completeExceptionally(future.cause());
			}
		}).channel();
		return client.ready.thenApply((ignored) -> client);
	}

	void onFrame(FrameHandler handler) {
		this.handler = handler;
	}

	EventLoop eventLoop() {
		return this.channel.eventLoop();
	}

	/** Sends an event and waits for the first frame naming {@code reply}. */
	CompletableFuture<String> request(String event, String dataJson, String reply) {
		CompletableFuture<String> answer = new CompletableFuture<>();
		this.awaitedEvent = "\"" + reply + "\"";
		this.awaited = answer;
		send(this.wire.encode(event, dataJson));
		return answer;
	}

	void sendEvent(String event, String dataJson) {
		send(this.wire.encode(event, dataJson));
	}

	void send(String text) {
		this.channel.writeAndFlush(new TextWebSocketFrame(text), this.channel.voidPromise());
	}

	/**
	 * Writes a frame already encoded (see {@link PreparedFrame}); call on this socket's
	 * event loop.
	 */
	void sendEncoded(ByteBuf frame) {
		this.channel.writeAndFlush(frame, this.channel.voidPromise());
	}

	/** Closes the connection without a closing handshake, as a vanished client would. */
	void abort() {
		Channel current = this.channel;
		if (current != null) {
			current.close();
		}
	}

	private void dispatch(ByteBuf text) {
		if (this.ready.isDone() && this.awaited == null && this.wire.isEvent(text)) {
			this.handler.onFrame(text);
			return;
		}
		String frame = text.toString(StandardCharsets.UTF_8);
		String answer = this.wire.control(frame);
		if (answer != null) {
			send(answer);
			return;
		}
		if (!this.ready.isDone()) {
			if (this.wire.isReady(frame)) {
				this.ready.complete(null);
			}
			return;
		}
		CompletableFuture<String> waiting = this.awaited;
		if (waiting != null && frame.contains(this.awaitedEvent)) {
			this.awaited = null;
			waiting.complete(frame);
			return;
		}
		this.handler.onFrame(text);
	}

	/**
	 * The end of the pipeline: handshake events, text frames, and the connection's end.
	 */
	private final class Reader extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && BenchSocket.this.wire.readyOnOpen()) {
				BenchSocket.this.ready.complete(null);
			}
			else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
				BenchSocket.this.ready.completeExceptionally(new IllegalStateException("handshake timed out"));
			}
			super.userEventTriggered(ctx, event);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
			dispatch(frame.content());
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			BenchSocket.this.ready.completeExceptionally(cause);
			ctx.close();
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			BenchSocket.this.ready.completeExceptionally(new IllegalStateException("closed"));
			super.channelInactive(ctx);
		}

	}

}
