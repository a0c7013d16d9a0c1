package io.parley.widget;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.parley.contact.Contact;
import io.parley.system.ErrorCode;
import io.parley.widget.CustomerView.ConversationView;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * A widget opens a session: the visitor it speaks for gets a visitor token, and sees
 * their contact and conversations if they have any. Nothing is created (seed 002): the
 * contact comes with the first message. A host-site user is linked only with a valid
 * identity hash (decision 62); a workspace that requires verification admits nobody else,
 * anonymous visitors included.
 */
@Service
public class VisitorSessions {

	private static final Pattern VISITOR_ID = Pattern
		.compile("^[A-Za-z0-9_-]{8," + Visitor.MAX_VISITOR_ID_LENGTH + "}$");

	private final ChatSettingsStore settings;

	private final IdentitySecrets secrets;

	private final VisitorTokens tokens;

	private final VisitorContacts contacts;

	private final VisitorConversations conversations;

	VisitorSessions(ChatSettingsStore settings, IdentitySecrets secrets, VisitorTokens tokens, VisitorContacts contacts,
			VisitorConversations conversations) {
		this.settings = settings;
		this.secrets = secrets;
		this.tokens = tokens;
		this.contacts = contacts;
		this.conversations = conversations;
	}

	/**
	 * @param visitorId the widget's id for the browser, or {@code null} for a new one
	 * @param user the host site's signed-in user, or {@code null}
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#IDENTITY_VERIFICATION_FAILED} for a user with a wrong or missing
	 * hash where one is required or given,
	 * {@link ErrorCode#IDENTITY_VERIFICATION_REQUIRED} for no user where verification is
	 * required
	 */
	public Session open(WorkspaceId workspace, String visitorId, HostUser user) {
		boolean required = this.settings.of(workspace).identityRequired();
		String externalId = null;
		if (user != null && user.id() != null) {
			if (user.id().isBlank() || user.id().length() > Visitor.MAX_EXTERNAL_ID_LENGTH) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			if (user.identityHash() != null || required) {
				if (!this.secrets.verifies(workspace, user.id(), user.identityHash())) {
					throw ErrorCode.IDENTITY_VERIFICATION_FAILED.exception();
				}
				externalId = user.id();
			}
		}
		else if (required) {
			throw ErrorCode.IDENTITY_VERIFICATION_REQUIRED.exception();
		}
		if (visitorId != null && !VISITOR_ID.matcher(visitorId).matches()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Visitor visitor = new Visitor(workspace, (visitorId != null) ? visitorId : UUID.randomUUID().toString(),
				externalId);
		VisitorTokens.Issued issued = this.tokens.issue(visitor);
		Contact contact = this.contacts.find(visitor).orElse(null);
		return new Session(
				issued.token(), visitor.visitorId(), issued.expiresAt(), (contact != null)
						? new ContactView(contact.id().toString(), contact.name(), contact.emailToShow()) : null,
				this.conversations.of(visitor));
	}

	/**
	 * The host site's signed-in user ({@code Parley('setUser')}); its id counts only with
	 * a valid {@code identityHash}.
	 */
	public record HostUser(String id, String name, String email, String phone, String avatarUrl, String identityHash) {
	}

	/** A visitor's contact as the widget shows it back to them. */
	public record ContactView(String id, String name, String email) {
	}

	public record Session(String visitorToken, String visitorId, Instant expiresAt, ContactView contact,
			List<ConversationView> conversations) {

		/** Keeps the visitor token out of logs and exception messages. */
		@Override
		public String toString() {
			return "Session[visitorId=" + this.visitorId + ", expiresAt=" + this.expiresAt + ", token redacted]";
		}

	}

}
