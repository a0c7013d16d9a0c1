package io.parley.email;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator says of a mailbox. To add one, all but the signature are needed;
 * to change one, a {@code null} keeps what is stored (a {@code null} password too).
 */
public record MailboxDetails(@Nullable String displayName, @Nullable String fromAddress, @Nullable Server imap,
		@Nullable Server smtp, @Nullable String signature) {

	/** A server with its password, as given; only its non-null parts change one. */
	public record Server(@Nullable String host, @Nullable Integer port, @Nullable Boolean secure, @Nullable String user,
			@Nullable String password) {

		@Override
		public String toString() {
			return "Server[" + this.host + ":" + this.port + "]";
		}

	}

}
