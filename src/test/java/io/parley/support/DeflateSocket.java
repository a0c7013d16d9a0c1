package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A WebSocket client on a plain TCP socket that offers {@code permessage-deflate} as
 * browsers do, compresses when the server agrees, and writes frames as a slow network
 * delivers them when asked to (neither the JDK's client nor Tomcat's does either).
 */
public final class DeflateSocket implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final byte[] TAIL = { 0, 0, (byte) 0xFF, (byte) 0xFF };

	private final java.net.Socket tcp;

	private final OutputStream out;

	private final String extensions;

	private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);

	private final Inflater inflater = new Inflater(true);

	private final SecureRandom random = new SecureRandom();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private int chunk = Integer.MAX_VALUE;

	private DeflateSocket(int port, String token) throws IOException {
		this.tcp = new java.net.Socket("localhost", port);
		this.tcp.setTcpNoDelay(true);
		this.tcp.setSoTimeout((int) WAIT.toMillis() * 3);
		this.out = this.tcp.getOutputStream();
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String request = "GET /ws?token=" + token + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
		this.out.write(request.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		DataInputStream in = new DataInputStream(this.tcp.getInputStream());
		String headers = readHeaders(in);
		assertThat(headers).as(headers).startsWith("HTTP/1.1 101");
		this.extensions = headers.lines()
			.filter((line) -> line.toLowerCase().startsWith("sec-websocket-extensions:"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("");
		Thread reader = new Thread(() -> read(in), "deflate-socket-reader");
		reader.setDaemon(true);
		reader.start();
	}

	public static DeflateSocket connect(int port, String token) {
		try {
			return new DeflateSocket(port, token);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes frames in TCP writes of at most {@code bytes}, pausing between them, as a
	 * slow network delivers them.
	 */
	public DeflateSocket trickle(int bytes) {
		this.chunk = bytes;
		return this;
	}

	/** What the server answered in {@code Sec-WebSocket-Extensions}. */
	public String extensions() {
		return this.extensions;
	}

	public void send(String event, Map<String, ?> data) {
		sendRaw(Api.JSON.writeValueAsString(Map.of("event", event, "data", data)));
	}

	/** Sends {@code text} as one frame. */
	public void sendRaw(String text) {
		sendFragmented(text, Integer.MAX_VALUE);
	}

	/** Sends {@code text} in frames of at most {@code fragment} bytes of payload. */
	public synchronized void sendFragmented(String text, int fragment) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		int total = payload.length;
		if (isCompressed()) {
			payload = deflate(payload);
			// RFC 7692: the message ends with the flush's empty block, which is left out
			total = payload.length - TAIL.length;
		}
		int offset = 0;
		do {
			int size = Math.min(fragment, total - offset);
			boolean last = offset + size == total;
			// a text frame first, continuations after; RSV1 marks the first as compressed
			int first = ((last) ? 0x80 : 0) | ((offset == 0) ? 0x01 : 0x00)
					| ((offset == 0 && isCompressed()) ? 0x40 : 0x00);
			writeFrame(first, Arrays.copyOfRange(payload, offset, offset + size), size);
			offset += size;
		}
		while (offset < total);
	}

	private byte[] deflate(byte[] text) {
		this.deflater.setInput(text);
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int length;
		while ((length = this.deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
			compressed.write(buffer, 0, length);
		}
		return compressed.toByteArray();
	}

	private boolean isCompressed() {
		return this.extensions.startsWith("permessage-deflate");
	}

	public JsonNode expect(String event) {
		JsonNode frame;
		try {
			frame = this.frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (frame == null) {
			fail("No frame arrived within " + WAIT + (this.closed.isDone() ? ", closed " + this.closed.join() : ""));
		}
		assertThat(frame.get("event").stringValue()).as(frame.toString()).isEqualTo(event);
		return frame.get("data");
	}

	public void expectError(String message) {
		assertThat(expect("ERROR").get("message").stringValue()).isEqualTo(message);
	}

	public boolean isOpen() {
		return !this.closed.isDone();
	}

	/** Proves the socket still works: an unknown event is answered. */
	public void assertAlive() {
		sendRaw("{\"event\":\"PING_THAT_DOES_NOT_EXIST\",\"data\":{}}");
		expectError("Unknown event");
	}

	@Override
	public void close() {
		try {
			if (!this.closed.isDone()) {
				writeFrame(0x88, new byte[] { 0x03, (byte) 0xE8 }, 2);
			}
			this.tcp.close();
		}
		catch (IOException | IllegalStateException ex) {
			// gone already
		}
		this.deflater.end();
	}

	private synchronized void writeFrame(int first, byte[] payload, int length) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(length + 14);
		frame.write(first);
		if (length < 126) {
			frame.write(0x80 | length);
		}
		else if (length < 65536) {
			frame.write(0x80 | 126);
			frame.write(length >>> 8);
			frame.write(length);
		}
		else {
			frame.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) length >>> shift));
			}
		}
		byte[] mask = new byte[4];
		this.random.nextBytes(mask);
		frame.writeBytes(mask);
		for (int i = 0; i < length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		byte[] bytes = frame.toByteArray();
		try {
			for (int offset = 0; offset < bytes.length; offset += this.chunk) {
				this.out.write(bytes, offset, Math.min(this.chunk, bytes.length - offset));
				this.out.flush();
				if (this.chunk < bytes.length) {
					Thread.sleep(1);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read(DataInputStream in) {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		boolean compressed = false;
		try {
			while (true) {
				int first = in.readUnsignedByte();
				int second = in.readUnsignedByte();
				long length = second & 0x7F;
				if (length == 126) {
					length = in.readUnsignedShort();
				}
				else if (length == 127) {
					length = in.readLong();
				}
				byte[] payload = new byte[(int) length];
				in.readFully(payload);
				int opcode = first & 0x0F;
				if (opcode == 8) {
					this.closed
						.complete((payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
					return;
				}
				if (opcode == 1) {
					compressed = (first & 0x40) != 0;
				}
				if (opcode == 0 || opcode == 1) {
					message.writeBytes(payload);
					if ((first & 0x80) != 0) {
						byte[] bytes = message.toByteArray();
						message.reset();
						this.frames.add(Api.JSON.readTree(compressed ? inflate(bytes) : bytes));
					}
				}
			}
		}
		catch (IOException | DataFormatException ex) {
			this.closed.complete(-1);
		}
	}

	private byte[] inflate(byte[] bytes) throws DataFormatException {
		this.inflater.setInput(concat(bytes, TAIL));
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int length;
		while ((length = this.inflater.inflate(buffer)) > 0) {
			text.write(buffer, 0, length);
		}
		return text.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Closed during the handshake: " + headers);
			}
			headers.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

}
