package io.parley.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and offline messages are limited per address: over the limit, 429 and nothing
 * is kept.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "parley.rate-limit.uploads=2/1m", "parley.rate-limit.offline-messages=1/1h" })
class UploadAndOfflineRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	FileSystemAttachmentStorage storage;

	@Test
	void aThirdUploadInAMinuteIsRefusedAndStoresNothing() throws IOException {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		for (int i = 0; i < 2; i++) {
			assertThat(upload(id, team.agent().token()).status()).isEqualTo(201);
		}
		long stored = files();

		Reply limited = upload(id, team.agent().token());
		assertThat(limited.status()).as(limited.raw()).isEqualTo(429);
		assertThat(limited.error()).isEqualTo("Too many requests, try again later");
		assertThat(files()).isEqualTo(stored);
		assertThat(api
			.post("/api/conversations/" + id + "/messages", team.agent().token(),
					java.util.Map.of("content", "text still goes"))
			.status()).isEqualTo(201);
	}

	@Test
	void aSecondOfflineMessageInAnHourFromOneAddressIsRefused() {
		Api api = new Api(this.port);
		io.parley.support.TestWorkspace workspace = io.parley.support.TestWorkspace.create(api);
		String key = api.get("/api/chat/settings", workspace.owner().token()).data().get("widgetKey").stringValue();
		java.util.Map<String, Object> form = java.util.Map.of("key", key, "email", "night@example.com", "message",
				"Are you open?");
		assertThat(api.post("/api/widget/offline-messages", null, form).status()).isEqualTo(201);

		Reply limited = api.post("/api/widget/offline-messages", null,
				java.util.Map.of("key", key, "email", "again@example.com", "message", "Hello?"));
		assertThat(limited.status()).as(limited.raw()).isEqualTo(429);
		assertThat(api.get("/api/conversations", workspace.owner().token()).data().get("items").size()).isEqualTo(1);
	}

	private Reply upload(String conversation, String token) {
		return Multipart.to(this.port)
			.file("notes.txt", "text/plain", SampleFiles.text())
			.post("/api/conversations/" + conversation + "/attachments", token);
	}

	private long files() throws IOException {
		Path root = this.storage.root();
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

}
