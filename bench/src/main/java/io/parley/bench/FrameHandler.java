package io.parley.bench;

import io.netty.buffer.ByteBuf;

/**
 * Receives the text of event frames on the socket's event loop. The buffer is only valid
 * during the call: reading it in place spares the generator a string per message.
 */
@FunctionalInterface
interface FrameHandler {

	FrameHandler IGNORE = (text) -> {
	};

	void onFrame(ByteBuf text);

}
