package io.parley.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body sent without a length (chunked) is refused once more than the limit (64 KiB) has
 * been read, not after reading it whole, and nothing is stored.
 */
@ParleyIntegrationTest
class ChunkedBodyIntegrationTests {

	private static final int TWENTY_MIB = 20 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChunkedTwentyMebibyteSignUpIsRefusedAfterTheLimit() throws Exception {
		String email = "chunked-" + UUID.randomUUID() + "@example.com";
		String start = "{\"name\":\"Chunky\",\"email\":\"" + email
				+ "\",\"password\":\"secret123\",\"role\":\"candidate\",\"padding\":\"";

		Answer answer = sendChunked("/auth/signup", null, start);

		assertThat(answer.text()).startsWith("HTTP/1.1 413").contains("\"error\":\"Request body too large\"");
		assertThat(answer.sent()).as("bytes sent before the answer").isLessThan(TWENTY_MIB / 4);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void aChunkedMessageOverTheLimitIsRefusedAndNotStored() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String conversation = api.assignedConversation(team);

		Answer answer = sendChunked("/api/conversations/" + conversation + "/messages", team.agent().token(),
				"{\"content\":\"");

		assertThat(answer.text()).startsWith("HTTP/1.1 413").contains("\"error\":\"Request body too large\"");
		assertThat(api.get("/conversations/" + conversation, team.agent().token()).data().get("messages").size())
			.isZero();
		// a small chunked body is read as any other
		assertThat(sendChunkedWhole("/api/conversations/" + conversation + "/messages", team.agent().token(),
				Api.JSON.writeValueAsString(Map.of("content", "fits"))))
			.startsWith("HTTP/1.1 201");
	}

	/**
	 * Sends {@code start} and then 20 MiB of {@code x} in 64 KiB chunks, stopping when
	 * the answer has come.
	 */
	private Answer sendChunked(String path, String token, String start) throws Exception {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(path, token));
			chunk(out, start.getBytes(StandardCharsets.UTF_8));
			CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAnswer(socket));
			AtomicLong sent = new AtomicLong(start.length());
			byte[] filler = new byte[64 * 1024];
			Arrays.fill(filler, (byte) 'x');
			try {
				while (sent.get() < TWENTY_MIB && !answer.isDone()) {
					chunk(out, filler);
					sent.addAndGet(filler.length);
					Thread.sleep(1);
				}
			}
			catch (IOException closedByTheServer) {
				// the server answered and closed the connection
			}
			return new Answer(answer.get(10, TimeUnit.SECONDS), sent.get());
		}
	}

	private String sendChunkedWhole(String path, String token, String body) throws Exception {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(path, token));
			chunk(out, body.getBytes(StandardCharsets.UTF_8));
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readAnswer(socket);
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
		socket.setSoTimeout(10_000);
		return socket;
	}

	private byte[] head(String path, String token) {
		return ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n"
				+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "")
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static void chunk(OutputStream out, byte[] bytes) throws IOException {
		out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String readAnswer(Socket socket) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			InputStream in = socket.getInputStream();
			for (int count = in.read(buffer); count > 0; count = in.read(buffer)) {
				bytes.write(buffer, 0, count);
				String text = bytes.toString(StandardCharsets.UTF_8);
				if (text.contains("\r\n\r\n") && text.trim().endsWith("}") || text.endsWith("0\r\n\r\n")) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// reset after the answer: what was read is the answer
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private record Answer(String text, long sent) {
	}

}
