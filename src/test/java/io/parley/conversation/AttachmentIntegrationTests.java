package io.parley.conversation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.parley.contact.ContactId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import io.parley.system.ParleyException;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files sent in conversations by the staff and by contacts: their type told from their
 * content, their size bounded, nothing kept of a refused one, and every download
 * authorized by the conversation it belongs to.
 */
@ParleyIntegrationTest
class AttachmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	FileSystemAttachmentStorage storage;

	@Autowired
	Attachments attachments;

	@Autowired
	ConversationIntake intake;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void assignedConversation() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
	}

	@Test
	void everyAllowedTypeIsAcceptedAndServedBackAsItsSniffedType() {
		assertRoundTrip("photo.png", "image/png", SampleFiles.image("png"), true);
		assertRoundTrip("photo.jpg", "image/jpeg", SampleFiles.image("jpeg"), true);
		assertRoundTrip("anim.gif", "image/gif", SampleFiles.image("gif"), true);
		assertRoundTrip("pixel.webp", "image/webp", SampleFiles.webp(), true);
		assertRoundTrip("invoice.pdf", "application/pdf", SampleFiles.pdf(), false);
		assertRoundTrip("notes.txt", "text/plain", SampleFiles.text(), false);
	}

	private void assertRoundTrip(String name, String type, byte[] content, boolean image) {
		// the client claims another type: the content decides
		Reply sent = upload(this.team.agent().token(), name, "application/octet-stream", content);
		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
		JsonNode attachment = sent.data().get("attachments").get(0);
		assertThat(sent.data().get("type").stringValue()).isEqualTo("file");
		assertThat(attachment.get("name").stringValue()).isEqualTo(name);
		assertThat(attachment.get("contentType").stringValue()).isEqualTo(type);
		assertThat(attachment.get("size").asLong()).isEqualTo(content.length);
		assertThat(attachment.get("image").asBoolean()).isEqualTo(image);
		String url = attachment.get("url").stringValue();
		assertThat(url).isEqualTo("/api/attachments/" + attachment.get("id").stringValue());

		HttpResponse<byte[]> download = Multipart.get(this.port, url, this.team.candidate().token());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.headers().firstValue("Content-Type")).hasValue(type);
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith(image ? "inline" : "attachment")
			.contains("filename=\"" + name + "\"");
	}

	@Test
	void aFileIsAMessageWithItsCaptionInEveryViewAndOnTheSocket() {
		int before = storedFiles().size();
		String attachmentId;
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");

			Reply sent = Multipart.to(this.port)
				.file("../../etc/broken box.png", "image/png", SampleFiles.image("png"))
				.field("content", "Here is the box")
				.field("clientMessageId", "photo-1")
				.post("/api/conversations/" + this.id + "/attachments", this.team.candidate().token());
			assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
			assertThat(sent.data().get("content").stringValue()).isEqualTo("Here is the box");
			assertThat(sent.data().get("author").get("type").stringValue()).isEqualTo("contact");
			attachmentId = sent.data().get("attachments").get(0).get("id").stringValue();
			assertThat(sent.data().get("attachments").get(0).get("name").stringValue())
				.as("no folder of the client's name is kept")
				.isEqualTo("broken box.png");

			JsonNode frame = agent.expect("NEW_MESSAGE");
			assertThat(frame.get("type").stringValue()).isEqualTo("file");
			assertThat(frame.get("content").stringValue()).isEqualTo("Here is the box");
			assertThat(frame.get("attachments").get(0).get("id").stringValue()).isEqualTo(attachmentId);
			assertThat(frame.get("attachments").get(0).get("url").stringValue())
				.isEqualTo("/api/attachments/" + attachmentId);
			assertThat(frame.get("attachments").get(0).get("image").asBoolean()).isTrue();

			Reply again = Multipart.to(this.port)
				.file("box.png", "image/png", SampleFiles.image("png"))
				.field("clientMessageId", "photo-1")
				.post("/api/conversations/" + this.id + "/attachments", this.team.candidate().token());
			assertThat(again.status()).as("a retried upload answers the stored message").isEqualTo(200);
			assertThat(again.data().get("attachments").get(0).get("id").stringValue()).isEqualTo(attachmentId);
		}
		JsonNode messages = this.api.get("/api/conversations/" + this.id + "/messages", this.team.agent().token())
			.data()
			.get("items");
		JsonNode file = messages.get(messages.size() - 1);
		assertThat(file.get("attachments").size()).isEqualTo(1);
		assertThat(file.get("attachments").get(0).get("contentType").stringValue()).isEqualTo("image/png");

		JsonNode seed = this.api.get("/conversations/" + this.id, this.team.candidate().token()).data();
		JsonNode last = seed.get("messages").get(seed.get("messages").size() - 1);
		assertThat(last.get("content").stringValue()).isEqualTo("Here is the box");
		assertThat(last.get("senderRole").stringValue()).isEqualTo("candidate");
		assertThat(last.get("attachments").get(0).get("name").stringValue()).isEqualTo("broken box.png");
		assertThat(storedFiles()).as("the retry kept no second file").contains(attachmentId).hasSize(before + 1);
	}

	@Test
	void aProgramRenamedAsAnImageOrTextIsRefusedAndNothingIsKept() {
		long before = storedFiles().size();
		for (byte[] program : new byte[][] { SampleFiles.program(), SampleFiles.windowsProgram() }) {
			Reply refused = upload(this.team.agent().token(), "cat.png", "image/png", program);
			assertThat(refused.status()).as(refused.raw()).isEqualTo(415);
			assertThat(refused.error()).isEqualTo("File type not allowed");
		}
		Reply page = upload(this.team.agent().token(), "readme.txt", "text/plain", SampleFiles.html());
		assertThat(page.status()).as("a web page is no plain text").isEqualTo(415);

		assertThat(storedFiles()).hasSize((int) before);
		assertThat(fileMessages()).isZero();
	}

	@Test
	void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() {
		long before = storedFiles().size();
		byte[] png = SampleFiles.image("png");
		byte[] large = new byte[1024 * 1024 + 1];
		System.arraycopy(png, 0, large, 0, png.length);

		Reply refused = upload(this.team.agent().token(), "huge.png", "image/png", large);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
		assertThat(refused.error()).isEqualTo("File too large");
		Reply farTooLarge = upload(this.team.agent().token(), "huge.png", "image/png", new byte[3 * 1024 * 1024]);
		assertThat(farTooLarge.status()).as(farTooLarge.raw()).isEqualTo(413);
		assertThat(farTooLarge.error()).isEqualTo("File too large");

		assertThat(storedFiles()).hasSize((int) before);
		assertThat(fileMessages()).isZero();
	}

	@Test
	void anUploadWithoutAFileOrByAnOutsiderStoresNothing() {
		long before = storedFiles().size();
		Reply empty = Multipart.to(this.port)
			.field("content", "no file")
			.post("/api/conversations/" + this.id + "/attachments", this.team.agent().token());
		assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
		TestWorkspace other = TestWorkspace.create(this.api);
		Reply outsider = upload(other.owner().token(), "photo.png", "image/png", SampleFiles.image("png"));
		assertThat(outsider.status()).as(outsider.raw()).isEqualTo(404);
		Reply anonymous = upload(null, "photo.png", "image/png", SampleFiles.image("png"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(storedFiles()).hasSize((int) before);
	}

	@Test
	void onlyThoseWhoSeeTheConversationDownloadItsFiles() {
		String url = upload(this.team.agent().token(), "photo.png", "image/png", SampleFiles.image("png")).data()
			.get("attachments")
			.get(0)
			.get("url")
			.stringValue();
		Team others = this.api.team();
		TestWorkspace otherWorkspace = TestWorkspace.create(this.api);

		assertThat(Multipart.get(this.port, url, this.team.supervisor().token()).statusCode()).isEqualTo(200);
		assertThat(Multipart.get(this.port, url, this.team.admin().token()).statusCode()).isEqualTo(200);
		assertThat(Multipart.get(this.port, url, others.agent().token()).statusCode())
			.as("an agent of the same workspace who does not see the conversation")
			.isEqualTo(404);
		assertThat(Multipart.get(this.port, url, others.candidate().token()).statusCode()).isEqualTo(404);
		assertThat(Multipart.get(this.port, url, otherWorkspace.owner().token()).statusCode())
			.as("the owner of another workspace")
			.isEqualTo(404);
		assertThat(Multipart.get(this.port, url, null).statusCode()).isEqualTo(401);
		HttpResponse<byte[]> unknown = Multipart.get(this.port, "/api/attachments/" + UUID.randomUUID(),
				this.team.admin().token());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(unknown.body())).isEqualTo("{\"success\":false,\"error\":\"Attachment not found\"}");
	}

	@Test
	void aContactUploadsToItsOwnConversationAndOpensOnlyItsOwnFiles() throws IOException {
		ContactId visitor = contact();
		ContactId stranger = contact();
		ConversationIntake.Started started = this.intake.start(WorkspaceId.DEFAULT, visitor, Channel.WEB,
				Conversation.Context.NONE, "Hello", null);
		Author.Contact author = new Author.Contact(visitor, null, "Visitor", null);
		byte[] pdf = SampleFiles.pdf();
		MessageLog.Posted posted = this.attachments.upload(author, WorkspaceId.DEFAULT, started.conversation().id(),
				new Upload("invoice.pdf", pdf.length, () -> new java.io.ByteArrayInputStream(pdf)), null, null);
		AttachmentId attachment = posted.message().attachments().get(0).id();
		assertThat(posted.message().content()).isEmpty();

		Download mine = this.attachments.open(WorkspaceId.DEFAULT, visitor, attachment);
		try (var content = mine.content()) {
			assertThat(content.readAllBytes()).isEqualTo(pdf);
		}
		assertThat(mine.attachment().contentType()).isEqualTo("application/pdf");
		assertThatThrownBy(() -> this.attachments.open(WorkspaceId.DEFAULT, stranger, attachment))
			.isInstanceOf(ParleyException.class)
			.hasMessage("ATTACHMENT_NOT_FOUND");
		assertThatThrownBy(() -> this.attachments.upload(new Author.Contact(stranger, null, "Stranger", null),
				WorkspaceId.DEFAULT, started.conversation().id(),
				new Upload("invoice.pdf", pdf.length, () -> new java.io.ByteArrayInputStream(pdf)), null, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("CONVERSATION_NOT_ACCESSIBLE");
		assertThat(storedFiles()).contains(attachment.toString());

		HttpResponse<byte[]> staff = Multipart.get(this.port, "/api/attachments/" + attachment,
				this.team.admin().token());
		assertThat(staff.statusCode()).isEqualTo(200);
		assertThat(staff.body()).isEqualTo(pdf);
	}

	private ContactId contact() {
		Reply created = this.api.post("/api/contacts", this.team.admin().token(),
				Map.of("name", "Visitor", "email", "visitor-" + UUID.randomUUID() + "@example.com"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return ContactId.parse(created.data().get("id").stringValue()).orElseThrow();
	}

	private Reply upload(String token, String name, String type, byte[] content) {
		return Multipart.to(this.port)
			.file(name, type, content)
			.post("/api/conversations/" + this.id + "/attachments", token);
	}

	private long fileMessages() {
		long files = 0;
		for (JsonNode message : this.api.get("/api/conversations/" + this.id + "/messages", this.team.admin().token())
			.data()
			.get("items")) {
			files += "file".equals(message.get("type").stringValue()) ? 1 : 0;
		}
		return files;
	}

	/** The names of the files in the storage's folder. */
	private java.util.List<String> storedFiles() {
		Path root = this.storage.root();
		if (!Files.exists(root)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
