package io.parley.workspace;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.parley.identity.UserAccount;
import io.parley.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends invitation links by SMTP, as plain text. Without a mail server ({@code SMTP_HOST}
 * unset) there is no {@link JavaMailSender}, and the inviter hands the link over instead.
 * The link carries the secret in its fragment, which browsers send neither to the server
 * nor in a {@code Referer}.
 */
@Component
class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender sender;

	private final String from;

	private final String publicUrl;

	InvitationMail(ObjectProvider<JavaMailSender> sender, @Value("${parley.mail.from}") String from,
			@Value("${parley.public-url}") String publicUrl) {
		this.sender = sender.getIfAvailable();
		this.from = from;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	boolean canSend() {
		return this.sender != null;
	}

	String link(InvitationSecret secret) {
		return this.publicUrl + "/invitation.html#" + secret.value();
	}

	/**
	 * Sends the link now. A mail that cannot be sent is tried again later, with a new
	 * secret.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#MAIL_NOT_SENT} also when
	 * there is no mail server (any more)
	 */
	void send(Invitation invitation, InvitationSecret secret, UserAccount inviter, Workspace workspace) {
		if (!canSend()) {
			log.warn("Invitation {} waits for a mail server: SMTP_HOST is not set", invitation.id());
			throw ErrorCode.MAIL_NOT_SENT.exception();
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(invitation.email());
		mail.setSubject("You are invited to " + oneLine(workspace.name()) + " on Parley");
		mail.setText("""
				Hello,

				%s (%s) invites you to join %s on Parley as %s.

				To accept, open this link:

				%s

				It works once and until %s. If you did not expect this invitation, ignore this mail.
				""".formatted(oneLine(inviter.name()), inviter.email(), oneLine(workspace.name()),
				invitation.role().name(), link(secret), DAY.format(invitation.expiresAt())));
		try {
			this.sender.send(mail);
		}
		catch (MailException ex) {
			// the message names the server's answer; neither the secret nor the SMTP
			// password
			log.warn("Invitation {} could not be mailed, it is tried again later: {}", invitation.id(),
					ex.getMessage());
			throw ErrorCode.MAIL_NOT_SENT.exception();
		}
	}

	/** Names become part of a header: no line breaks or other control characters. */
	private static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").trim();
	}

}
