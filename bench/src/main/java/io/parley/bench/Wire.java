package io.parley.bench;

import io.netty.buffer.ByteBuf;

/**
 * How a server frames the rooms protocol. Parley and the {@code ws} peer speak
 * {@code {"event": ..., "data": ...}} on {@code /ws}; Socket.IO wraps events as
 * {@code 42["event", data]} after its own Engine.IO handshake.
 */
enum Wire {

	PLAIN {
		@Override
		String path(String token) {
			return (token != null) ? "/ws?token=" + token : "/ws";
		}

		@Override
		String encode(String event, String dataJson) {
			return "{\"event\":\"" + event + "\",\"data\":" + dataJson + "}";
		}

		@Override
		String control(String frame) {
			return null;
		}

		@Override
		boolean isReady(String frame) {
			return true;
		}

		@Override
		boolean isEvent(ByteBuf text) {
			return true;
		}
	},

	SOCKET_IO {
		@Override
		String path(String token) {
			return "/socket.io/?EIO=4&transport=websocket";
		}

		@Override
		String encode(String event, String dataJson) {
			return "42[\"" + event + "\"," + dataJson + "]";
		}

		@Override
		String control(String frame) {
			if (frame.startsWith("0{")) {
				return "40"; // Engine.IO open: connect to the default namespace
			}
			if (frame.equals("2")) {
				return "3"; // ping, pong
			}
			return null;
		}

		@Override
		boolean isReady(String frame) {
			return frame.startsWith("40");
		}

		@Override
		boolean isEvent(ByteBuf text) {
			int at = text.readerIndex();
			return text.readableBytes() > 2 && text.getByte(at) == '4' && text.getByte(at + 1) == '2';
		}
	};

	/** The path (and query) of the socket endpoint. */
	abstract String path(String token);

	abstract String encode(String event, String dataJson);

	/** The answer to a protocol frame that is no event, or {@code null}. */
	abstract String control(String frame);

	/** Whether this frame tells the socket may now send events. */
	abstract boolean isReady(String frame);

	/**
	 * Whether this frame is an event, told from its first bytes: the generator reads
	 * events in place and only turns the rest (handshake, ping) into strings.
	 */
	abstract boolean isEvent(ByteBuf text);

	/** Whether frames of this wire are ready as soon as the socket opens. */
	boolean readyOnOpen() {
		return this == PLAIN;
	}

}
