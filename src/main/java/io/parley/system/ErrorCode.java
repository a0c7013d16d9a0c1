package io.parley.system;

/**
 * Every error Parley reports, with the HTTP status and text of the REST API and the text
 * of the WebSocket protocol. The texts are part of the public contract (seed 003): change
 * none lightly.
 */
public enum ErrorCode {

	INVALID_REQUEST_SCHEMA(400, "Invalid request schema"),

	INVALID_SUPERVISOR_ROLE(400, "Invalid supervisor role"),

	CONVERSATION_ALREADY_CLOSED(400, "Conversation already closed"),

	CONVERSATION_NOT_OPEN(400, "Conversation is not open"),

	CONVERSATION_NOT_YET_ASSIGNED(400, "Conversation not yet assigned"),

	NOT_JOINED(400, "You must join the conversation first"),

	INVALID_MESSAGE_FORMAT(400, "Invalid message format"),

	STATUS_CHANGE_NOT_ALLOWED(400, "Status change not allowed"),

	CANNOT_CHANGE_OWN_MEMBERSHIP(400, "You cannot change your own role or membership"),

	CONTACT_IDENTIFIER_REQUIRED(400, "A contact needs an email or a phone"),

	UNKNOWN_EVENT(400, "Unknown event"),

	/** A resuming join that missed more than a socket replays (decision 56). */
	RESUME_TOO_FAR(400,
			"Too many missed messages, read them with GET /api/conversations/{id}/messages?after= and join again"),

	SUPERVISOR_ONLY_FOR_AGENTS(400, "Only members who handle conversations work for a supervisor"),

	/** A wrong, used or malformed code on the account's own two-factor routes. */
	INVALID_TWO_FACTOR_CODE(400, "Invalid two-factor code"),

	/** A pre-chat field the workspace requires is missing or malformed (issue 11). */
	PRE_CHAT_FIELD_REQUIRED(400, "A required pre-chat field is missing or invalid"),

	/** A canned response's shortcut (decision 81). */
	INVALID_SHORTCUT(400, "A shortcut is 1 to 32 lower-case letters, digits and dashes"),

	/** Mentions on a message the customer sees (decision 86). */
	MENTIONS_ONLY_IN_NOTES(400, "Only internal notes can mention members"),

	/**
	 * A mention of someone who is no active member of the workspace, or who cannot read
	 * the conversation's notes (decision 86).
	 */
	MENTIONED_MEMBER_NOT_FOUND(400, "A mentioned member does not exist or cannot see this conversation"),

	/** A merge that names the same conversation twice (decision 84). */
	MERGE_INTO_ITSELF(400, "A conversation cannot be merged into itself"),

	UNAUTHORIZED(401, "Unauthorized, token missing or invalid", "Unauthorized or invalid token"),

	INVALID_CREDENTIALS(401, "Invalid email or password"),

	/**
	 * A refresh token that is unknown, expired, used already or of a session that ended:
	 * one text for all, since the client's remedy is the same (decision 50).
	 */
	REFRESH_TOKEN_INVALID(401, "Refresh token invalid, expired or revoked, log in again"),

	/** The second step of a log-in with a wrong, used or malformed code. */
	WRONG_TWO_FACTOR_CODE(401, "Invalid two-factor code"),

	LOGIN_CHALLENGE_INVALID(401, "Log-in challenge invalid or expired, log in again"),

	NO_ACTIVE_MEMBERSHIP(403, "No active membership in a workspace"),

	/**
	 * The provider's answer did not complete a sign-in: a state that matches no request
	 * of this browser, an error from the provider, an ID token that fails its checks
	 * (decision 57).
	 */
	OIDC_SIGN_IN_FAILED(401, "Sign-in with the provider failed, try again"),

	/** A one-time sign-in code that is unknown, used already or expired (decision 57). */
	OIDC_CODE_INVALID(401, "Sign-in code invalid or expired, sign in again"),

	/**
	 * The provider does not vouch for the email address, and no link names the account.
	 */
	OIDC_EMAIL_NOT_VERIFIED(403, "The provider has not verified this email address"),

	/** No account has the provider's email and none is linked (decision 58). */
	OIDC_ACCOUNT_NOT_FOUND(403,
			"No Parley account has this email: accept an invitation or sign up first, then link the provider"),

	/** A link request that is unknown, used already or expired. */
	OIDC_LINK_EXPIRED(403, "The request to link an account has expired, start linking again"),

	/**
	 * A Gmail consent's state that is unknown, used already or expired (decision 103).
	 */
	GMAIL_CONSENT_INVALID(403, "The Gmail consent has expired or was used, connect the account again"),

	/** The provider's account is linked to another Parley account already. */
	OIDC_ALREADY_LINKED(409, "This provider account is linked to another Parley account"),

	/**
	 * A widget call from a page whose origin is not among the workspace's allowed domains
	 * (decision 61).
	 */
	ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),

	/** The host site's identity hash does not match the user id (decision 62). */
	IDENTITY_VERIFICATION_FAILED(403, "Identity verification failed"),

	/**
	 * The workspace admits only visitors the host site vouches for, and this one came
	 * without a user and hash (decision 62).
	 */
	IDENTITY_VERIFICATION_REQUIRED(403, "Identity verification required"),

	SIGNUP_CLOSED(403, "Sign-up is closed, ask for an invitation"),

	/** Acting in a workspace that requires a second factor, without one (decision 54). */
	TWO_FACTOR_REQUIRED(403, "This workspace requires two-factor authentication, turn it on first"),

	OWNER_IS_PERMANENT(403, "The owner's membership cannot be changed"),

	NOT_YOUR_MESSAGE(403, "Only the sender can edit a message"),

	FORBIDDEN(403, "Forbidden, insufficient permissions", "Forbidden for this role"),

	CONVERSATION_NOT_ACCESSIBLE(403, "Forbidden, insufficient permissions", "Not allowed to access this conversation"),

	AGENT_NOT_YOURS(403, "Agent doesn’t belong to you"),

	USER_NOT_FOUND(404, "User not found"),

	CONVERSATION_NOT_FOUND(404, "Conversation not found", "Not allowed to access this conversation"),

	SUPERVISOR_NOT_FOUND(404, "Supervisor not found"),

	AGENT_NOT_FOUND(404, "Agent not found"),

	ROUTE_NOT_FOUND(404, "Route not found"),

	OIDC_PROVIDER_NOT_FOUND(404, "Sign-in provider not found"),

	WORKSPACE_NOT_FOUND(404, "Workspace not found"),

	/** An unknown or rotated widget key. */
	WIDGET_NOT_FOUND(404, "Widget not found"),

	MEMBER_NOT_FOUND(404, "Member not found"),

	EMAIL_INBOX_NOT_FOUND(404, "Email inbox not found"),

	ROLE_NOT_FOUND(404, "Role not found"),

	CONTACT_NOT_FOUND(404, "Contact not found"),

	/** Also for another member's private canned response (decision 81). */
	CANNED_RESPONSE_NOT_FOUND(404, "Canned response not found"),

	NOTE_NOT_FOUND(404, "Note not found"),

	MESSAGE_NOT_FOUND(404, "Message not found"),

	/** Also another member's notification. */
	NOTIFICATION_NOT_FOUND(404, "Notification not found"),

	/** Also for a file of a conversation the caller does not see. */
	ATTACHMENT_NOT_FOUND(404, "Attachment not found"),

	INVITATION_NOT_FOUND(404, "Invitation not found"),

	METHOD_NOT_ALLOWED(405, "Method not allowed"),

	NOT_ACCEPTABLE(406, "Not acceptable, this API answers application/json"),

	EMAIL_ALREADY_EXISTS(409, "Email already exists"),

	/** Another inbox of the workspace sends from this address. */
	EMAIL_INBOX_ALREADY_EXISTS(409, "An email inbox with this address already exists"),

	/** A mailed reply that is still pending or was delivered is never queued again. */
	EMAIL_REPLY_NOT_UNDELIVERED(409, "Only a reply that was not delivered can be sent again"),

	/** Google's consent was given for another address than the inbox's (decision 103). */
	GMAIL_ACCOUNT_MISMATCH(409, "The Google account is not the inbox's address, connect with that account"),

	/** A Gmail inbox without Google's client configured (docs/email.md). */
	GMAIL_NOT_CONFIGURED(409, "Gmail is not configured on this server"),

	ACTIVE_CONVERSATION_EXISTS(409, "Candidate already has an active conversation"),

	ALREADY_A_MEMBER(409, "Already a member of this workspace"),

	ROLE_NAME_TAKEN(409, "A role with this name already exists"),

	ROLE_IN_USE(409, "Role is still held by members"),

	/**
	 * Among the workspace's shared canned responses, or among the caller's private ones.
	 */
	SHORTCUT_TAKEN(409, "A canned response with this shortcut already exists"),

	TWO_FACTOR_ALREADY_ON(409, "Two-factor authentication is already on"),

	TWO_FACTOR_NOT_STARTED(409, "Start two-factor enrolment first"),

	TWO_FACTOR_NOT_ON(409, "Two-factor authentication is not on"),

	/**
	 * Turning off a second factor a workspace of the account's requires (decision 98).
	 */
	TWO_FACTOR_REQUIRED_BY_WORKSPACE(409, "A workspace you work in requires two-factor authentication"),

	CLIENT_MESSAGE_ID_TAKEN(409, "This clientMessageId belongs to another message"),

	CONTACT_ALREADY_EXISTS(409, "A contact with this email, phone or session already exists"),

	/** Rating a conversation that is not resolved or closed yet. */
	CONVERSATION_NOT_RESOLVED(409, "Only a resolved or closed conversation can be rated"),

	ALREADY_RATED(409, "This conversation has been rated already"),

	/** Merging conversations of two contacts (decision 84). */
	MERGE_OTHER_CONTACT(409, "Only conversations of the same contact can be merged"),

	/** Merging a closed or merged conversation, or into one (decision 84). */
	CONVERSATION_NOT_MERGEABLE(409, "Only active conversations that were not merged can be merged"),

	INVITATION_EXPIRED(410, "Invitation has expired"),

	INVITATION_USED(410, "Invitation has already been used"),

	PAYLOAD_TOO_LARGE(413, "Request body too large"),

	/** An upload over {@code PARLEY_ATTACHMENT_MAX_SIZE}. */
	ATTACHMENT_TOO_LARGE(413, "File too large"),

	UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type, send application/json"),

	/** An upload whose content, whatever its name, is of no allowed type. */
	ATTACHMENT_TYPE_NOT_ALLOWED(415, "File type not allowed"),

	/** Over a rate limit; the answer says when to try again ({@code Retry-After}). */
	TOO_MANY_REQUESTS(429, "Too many requests, try again later"),

	INTERNAL_ERROR(500, "Internal server error"),

	/**
	 * No request answers this since invitation mail goes out after commit: it fails the
	 * attempt, which is retried (decision 36).
	 */
	MAIL_NOT_SENT(502, "Could not send the email, try again later"),

	/**
	 * Google refused or did not answer while connecting a Gmail inbox; nothing changed.
	 */
	GMAIL_UNREACHABLE(502, "Google did not complete the connection, try connecting again"),

	SERVER_BUSY(503, "Server busy, try again");

	private final int status;

	private final String text;

	private final String socketText;

	ErrorCode(int status, String text) {
		this(status, text, text);
	}

	ErrorCode(int status, String text, String socketText) {
		this.status = status;
		this.text = text;
		this.socketText = socketText;
	}

	/** The HTTP status the REST API answers with. */
	public int status() {
		return this.status;
	}

	/** The error text of the REST API. */
	public String text() {
		return this.text;
	}

	/** The error text of an {@code ERROR} frame on the WebSocket. */
	public String socketText() {
		return this.socketText;
	}

	public ParleyException exception() {
		return new ParleyException(this);
	}

}
