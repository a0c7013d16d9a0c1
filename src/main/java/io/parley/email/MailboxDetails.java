package io.parley.email;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator says of a mailbox. To add one, all but the signature and the
 * default supervisor are needed; to change one, a {@code null} keeps what is stored (a
 * {@code null} password too).
 *
 * @param defaultSupervisorId the member its new conversations are sent to (decision 114):
 * the id of a member who may assign conversations, empty for nobody, {@code null} to keep
 */
public record MailboxDetails(@Nullable String displayName, @Nullable String fromAddress, @Nullable Server imap,
		@Nullable Server smtp, @Nullable String signature, @Nullable String defaultSupervisorId) {

	/** A Gmail inbox's details: its name, address, signature and default supervisor. */
	public static MailboxDetails gmail(@Nullable String displayName, @Nullable String fromAddress,
			@Nullable String signature, @Nullable String defaultSupervisorId) {
		return new MailboxDetails(displayName, fromAddress, null, null, signature, defaultSupervisorId);
	}

	/** A server with its password, as given; only its non-null parts change one. */
	public record Server(@Nullable String host, @Nullable Integer port, @Nullable Boolean secure, @Nullable String user,
			@Nullable String password) {

		@Override
		public String toString() {
			return "Server[" + this.host + ":" + this.port + "]";
		}

	}

}
