package io.parley.email;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail's files become attachments of its message, within the widget's limits, through a
 * real IMAP server (decision 111).
 */
class MailAttachmentIntegrationTests extends MailboxFixture {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

	@Test
	void aPdfAndAnInlineImageBecomeAttachmentsWhoseBytesAreTheSentOnes() throws Exception {
		MimeMessage mail = mail("kim@customer.test", "Kim", "Invoice", null, "<files@customer.test>", null);
		MimeMultipart related = new MimeMultipart("related");
		related.addBodyPart(html("<p>See the logo <img src=\"cid:logo@customer.test\"></p>"));
		related.addBodyPart(part(PNG, "image/png", "logo.png", Part.INLINE, "<logo@customer.test>"));
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(related);
		mixed.addBodyPart(body);
		mixed.addBodyPart(part(PDF, "application/pdf", "invoice.pdf", Part.ATTACHMENT, null));
		mail.setContent(mixed);
		mail.saveChanges();
		deliver(mail);

		poll();

		JsonNode conversation = only(emailConversations());
		List<JsonNode> files = attachments(conversation);
		assertThat(files).extracting((file) -> file.get("name").stringValue())
			.containsExactly("logo.png", "invoice.pdf");
		assertThat(download(files.get(0).get("url").stringValue())).isEqualTo(PNG);
		assertThat(download(files.get(1).get("url").stringValue())).isEqualTo(PDF);
		assertThat(String.join("\n", contents(conversation))).contains("See the logo");
	}

	@Test
	void anOversizedAndAForbiddenPartAreNotedInTheTextAndNotStored() throws Exception {
		MimeMessage mail = mail("ana@customer.test", "Ana", "Files", null, "<refused@customer.test>", null);
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Two files", "UTF-8");
		mixed.addBodyPart(text);
		byte[] exe = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		mixed.addBodyPart(part(exe, "application/x-msdownload", "tool.exe", Part.ATTACHMENT, null));
		byte[] big = Arrays.copyOf(PDF, 11 * 1024 * 1024);
		mixed.addBodyPart(part(big, "application/pdf", "huge.pdf", Part.ATTACHMENT, null));
		mail.setContent(mixed);
		mail.saveChanges();
		deliver(mail);

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(attachments(conversation)).isEmpty();
		String content = String.join("\n", contents(conversation));
		assertThat(content).contains("Two files")
			.contains("[Attachment not imported: tool.exe (application/x-msdownload, " + exe.length
					+ " bytes): type not allowed]")
			.contains("[Attachment not imported: huge.pdf (application/pdf, 11 MB): too large]");
		long stored = this.jdbc
			.sql("SELECT COUNT(*) FROM attachments a JOIN conversations c "
					+ "ON c.id = a.conversation_id WHERE c.workspace_id = ?")
			.param(java.util.UUID.fromString(this.workspace.id()))
			.query(Long.class)
			.single();
		assertThat(stored).isZero();
	}

	@Test
	void aReplyWithAFileJoinsItsConversationAndAResyncStoresNothingTwice() throws Exception {
		deliver(mail("lee@customer.test", null, "Hello", "hello", "<first@customer.test>", null));
		poll();
		MimeMessage reply = mail("lee@customer.test", null, "Re: Hello", null, "<second@customer.test>",
				java.util.Map.of("In-Reply-To", "<first@customer.test>"));
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("the invoice", "UTF-8");
		mixed.addBodyPart(text);
		mixed.addBodyPart(part(PDF, "application/pdf", "invoice.pdf", Part.ATTACHMENT, null));
		reply.setContent(mixed);
		reply.saveChanges();
		deliver(reply);
		poll();
		this.jdbc.sql("UPDATE email_inboxes SET uid_validity = uid_validity + 1000 WHERE id = ?")
			.param(this.inbox)
			.update();

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(contents(conversation)).containsExactly("hello", "the invoice");
		assertThat(attachments(conversation)).hasSize(1);
		long stored = this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE conversation_id = ?")
			.param(java.util.UUID.fromString(conversation.get("id").stringValue()))
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(1);
	}

	private List<JsonNode> attachments(JsonNode conversation) {
		JsonNode items = this.api
			.get("/api/conversations/" + conversation.get("id").stringValue() + "/messages?limit=100", this.owner)
			.data()
			.get("items");
		List<JsonNode> files = new ArrayList<>();
		for (JsonNode message : items) {
			JsonNode attached = message.get("attachments");
			if (attached != null) {
				attached.forEach(files::add);
			}
		}
		return files;
	}

	private byte[] download(String url) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + url))
				.header("Authorization", "Bearer " + this.owner)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	static MimeBodyPart html(String html) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(html, "text/html; charset=UTF-8");
		return part;
	}

	static MimeBodyPart part(byte[] content, String type, String name, String disposition, String contentId)
			throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
		part.setFileName(name);
		part.setDisposition(disposition);
		if (contentId != null) {
			part.setContentID(contentId);
		}
		return part;
	}

}
