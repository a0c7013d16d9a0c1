package io.parley.bench;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A client's WebSocket text frame encoded once, with a slot for the due time: sending a
 * message copies the bytes into a pooled buffer and writes nineteen digits, no JSON, no
 * string, no masking pass.
 * <p>
 * Client frames must be masked (RFC 6455 §5.3); the key here is zero, so the masked
 * payload equals the plain one. A server unmasks every frame the same way whatever the
 * key, so its work is unchanged.
 */
final class PreparedFrame {

	/**
	 * Due times are sent relative to this, so that they are never negative and always fit
	 * the slot.
	 */
	static final long ORIGIN = System.nanoTime();

	static final int DIGITS = 19;

	private final byte[] frame;

	private final int slot;

	private PreparedFrame(byte[] frame, int slot) {
		this.frame = frame;
		this.slot = slot;
	}

	/**
	 * @param text the frame's text, containing {@code marker} once
	 * @param marker where the digits go; it must be {@link #DIGITS} characters long
	 */
	static PreparedFrame of(String text, String marker) {
		if (marker.length() != DIGITS) {
			throw new IllegalArgumentException("The marker must be " + DIGITS + " characters: " + marker);
		}
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		int header = (payload.length <= 125) ? 6 : 8;
		if (payload.length > 0xFFFF) {
			throw new IllegalArgumentException("Frame too long for the generator: " + payload.length);
		}
		byte[] frame = new byte[header + payload.length];
		frame[0] = (byte) 0x81; // final fragment, text
		if (header == 6) {
			frame[1] = (byte) (0x80 | payload.length); // masked, short length
		}
		else {
			frame[1] = (byte) (0x80 | 126); // masked, 16-bit length follows
			frame[2] = (byte) (payload.length >>> 8);
			frame[3] = (byte) payload.length;
		}
		// the four bytes of the masking key stay zero
		System.arraycopy(payload, 0, frame, header, payload.length);
		int at = text.indexOf(marker);
		int slot = header + text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
		return new PreparedFrame(frame, slot);
	}

	/** The frame for a message due at {@code due} ({@link System#nanoTime()}). */
	ByteBuf encode(ByteBufAllocator allocator, long due) {
		ByteBuf buffer = allocator.directBuffer(this.frame.length);
		buffer.writeBytes(this.frame);
		long value = due - ORIGIN;
		for (int i = this.slot + DIGITS - 1; i >= this.slot; i--) {
			buffer.setByte(i, (int) ('0' + value % 10));
			value /= 10;
		}
		return buffer;
	}

	/**
	 * Reads the due time the digits at {@code from} carry, as {@link #encode} wrote them.
	 */
	static long due(ByteBuf text, int from) {
		long value = 0;
		for (int i = from; i < from + DIGITS; i++) {
			value = value * 10 + (text.getByte(i) - '0');
		}
		return ORIGIN + value;
	}

}
