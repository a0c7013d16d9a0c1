package io.parley.oidc;

import org.jspecify.annotations.Nullable;

/**
 * Who a provider says signed in: its own name for the account ({@code sub}), which never
 * changes, and the email it reports, which counts only when it says it verified it.
 */
record ProviderIdentity(String provider, String subject, @Nullable String email, boolean emailVerified) {

	/** The email, only if the provider verified it. */
	@Nullable String verifiedEmail() {
		return (this.emailVerified && this.email != null && !this.email.isBlank()) ? this.email : null;
	}

	/** Keeps the email out of logs. */
	@Override
	public String toString() {
		return "ProviderIdentity[provider=" + this.provider + ", subject=" + this.subject + "]";
	}

}
