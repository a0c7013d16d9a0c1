package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain TCP socket with a tiny receive buffer, which stops
 * reading when told: the client whose frames pile up on the server, as a phone that lost
 * its signal or a browser tab that froze.
 */
public final class StalledSocket implements AutoCloseable {

	private final java.net.Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private StalledSocket(int port, String token) throws IOException {
		this.socket = new java.net.Socket();
		this.socket.setReceiveBufferSize(4096);
		this.socket.connect(new InetSocketAddress("localhost", port), 10_000);
		this.socket.setSoTimeout(30_000);
		this.in = new DataInputStream(this.socket.getInputStream());
		this.out = this.socket.getOutputStream();
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String handshake = "GET /ws?token=" + token + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
		this.out.write(handshake.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		String response = readHeaders(this.in);
		if (!response.startsWith("HTTP/1.1 101")) {
			throw new IOException("No WebSocket upgrade: " + response);
		}
	}

	public static StalledSocket connect(int port, String token) throws IOException {
		return new StalledSocket(port, token);
	}

	/** Sends a text frame, masked as a client must. */
	public void send(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/** Reads the next text frame's payload. */
	public String nextText() throws IOException {
		while (true) {
			Frame frame = readFrame();
			if (frame.opcode() == 0x1) {
				return new String(frame.payload(), StandardCharsets.UTF_8);
			}
			if (frame.opcode() == 0x8) {
				throw new IOException("closed");
			}
		}
	}

	/**
	 * Reads on, skipping what piled up, until the server's close frame, and returns its
	 * code; -1 when the connection ended without one.
	 */
	public int drainUntilClosed() throws IOException {
		try {
			while (true) {
				Frame frame = readFrame();
				if (frame.opcode() == 0x8) {
					return (frame.payload().length >= 2)
							? ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff) : 1005;
				}
			}
		}
		catch (java.io.EOFException ex) {
			return -1;
		}
	}

	private Frame readFrame() throws IOException {
		int first = this.in.readUnsignedByte();
		int second = this.in.readUnsignedByte();
		long length = second & 0x7f;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[(int) length];
		this.in.readFully(payload);
		return new Frame(first & 0x0f, payload);
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Connection closed during the handshake");
			}
			headers.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private record Frame(int opcode, byte[] payload) {
	}

}
