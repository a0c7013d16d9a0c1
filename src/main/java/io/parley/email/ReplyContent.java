package io.parley.email;

import java.util.List;

import io.parley.conversation.Attachment;
import io.parley.conversation.Attachments;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The body of a reply's mail: the agent's text with the inbox's signature, and, for a
 * message with files, a {@code multipart/mixed} mail that carries them as attachments
 * under their names and types (decision 118). The files are read from the storage each
 * time the mail is written, so a retry sends them again and the outbox keeps no copy.
 */
@Component
class ReplyContent {

	private final Attachments attachments;

	ReplyContent(Attachments attachments) {
		this.attachments = attachments;
	}

	void fill(MimeMessage mail, EmailInbox inbox, EmailOutbox.Reply reply) throws MessagingException {
		String text = text(reply.body(), inbox.signature());
		List<Attachment> files = this.attachments.filesOf(reply.workspaceId(), reply.conversationId(),
				reply.sequence());
		if (files.isEmpty()) {
			mail.setText(text, "UTF-8");
			return;
		}
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart words = new MimeBodyPart();
		words.setText(text, "UTF-8");
		mixed.addBodyPart(words);
		for (Attachment file : files) {
			MimeBodyPart part = new MimeBodyPart();
			part.setDataHandler(new DataHandler(new StoredFile(this.attachments, reply.workspaceId(), file)));
			// always base64: a file of ASCII bytes would go as 7bit text, and SMTP turns
			// its bare line feeds into CR LF, changing the file
			part.setHeader("Content-Transfer-Encoding", "base64");
			part.setDisposition(Part.ATTACHMENT);
			part.setFileName(file.name());
			mixed.addBodyPart(part);
		}
		mail.setContent(mixed);
	}

	/**
	 * The text, then the signature after an empty line; a file without a caption has
	 * none.
	 */
	static String text(String body, @Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return body;
		}
		return body.isBlank() ? signature : body + "\n\n" + signature;
	}

}
