package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Sends a real {@code multipart/form-data} request, as a browser's form or {@code fetch}
 * with {@code FormData} does, and downloads what Parley serves back.
 */
public final class Multipart {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private String fileName;

	private String fileType;

	private byte[] file;

	private String origin;

	private Multipart(int port) {
		this.port = port;
	}

	public static Multipart to(int port) {
		return new Multipart(port);
	}

	/** The {@code file} part, with the name and type the client claims. */
	public Multipart file(String name, String type, byte[] content) {
		this.fileName = name;
		this.fileType = type;
		this.file = content;
		return this;
	}

	/** The page the request comes from, as a browser's {@code Origin}. */
	public Multipart origin(String page) {
		this.origin = page;
		return this;
	}

	public Multipart field(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	public Reply post(String path, String token) {
		String boundary = "----parley" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		this.fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (this.file != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ this.fileName + "\"\r\nContent-Type: " + this.fileType + "\r\n\r\n");
			body.writeBytes(this.file);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (this.origin != null) {
			request.header("Origin", this.origin);
		}
		HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode answer = Api.JSON.readTree(response.body());
		return new Reply(response.statusCode(), answer, response.body());
	}

	/** A download: its status, headers and bytes. */
	public static HttpResponse<byte[]> get(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HTTP.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
