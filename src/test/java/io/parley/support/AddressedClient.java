package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/**
 * An HTTP/1.1 client that connects from an address of its own on the loopback network
 * (all of 127.0.0.0/8 is the loopback on Linux), so the server sees a caller of its own:
 * what is limited by address in one test does not limit another.
 */
public final class AddressedClient {

	private final InetAddress address;

	private final int port;

	private AddressedClient(InetAddress address, int port) {
		this.address = address;
		this.port = port;
	}

	/** A client from a loopback address nobody else uses. */
	public static AddressedClient fresh(int port) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		try {
			return new AddressedClient(InetAddress.getByAddress(new byte[] { 127, (byte) random.nextInt(1, 255),
					(byte) random.nextInt(1, 255), (byte) random.nextInt(2, 255) }), port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, Api.JSON.writeValueAsString(body));
	}

	private Response send(String method, String path, String token, String body) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(this.address, 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(10_000);
			byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			StringBuilder head = new StringBuilder().append(method)
				.append(' ')
				.append(path)
				.append(" HTTP/1.1\r\nHost: localhost:")
				.append(this.port)
				.append("\r\nConnection: close\r\nAccept: application/json\r\n");
			if (token != null) {
				head.append("Authorization: Bearer ").append(token).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * An answer: its status, headers (names in lower case) and body.
	 */
	public record Response(int status, Map<String, String> headers, String raw) {

		static Response parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunked(body);
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
		}

		private static String unchunked(String body) {
			StringBuilder content = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = body.indexOf("\r\n", at);
				int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return content.toString();
				}
				content.append(body, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

		public JsonNode body() {
			return Api.JSON.readTree(this.raw);
		}

		public String error() {
			return body().path("error").asString();
		}

	}

}
