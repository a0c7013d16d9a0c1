package io.parley.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.parley.system.ErrorCode;

/**
 * What an edit of a member changes; {@code null} leaves a value as it is. The role, the
 * custom role and the supervisor are the membership, for those who manage members; the
 * rest is the member's profile, which they keep themselves.
 *
 * @param role a built-in role other than {@code owner}
 * @param customRoleId one of the workspace's custom roles, instead of {@code role}
 * @param supervisorId the supervisor an agent works for
 * @param displayName the name customers see; empty (after trimming) clears it
 * @param avatarUrl an {@code http} or {@code https} address; empty clears it
 * @param maxConcurrent the most conversations handled at once
 */
public record MemberChange(String role, String customRoleId, String supervisorId, String displayName, String avatarUrl,
		Integer maxConcurrent) {

	public static final int MAX_DISPLAY_NAME = 200;

	public static final int MAX_AVATAR_URL = 2000;

	boolean changesMembership() {
		return this.role != null || this.customRoleId != null || this.supervisorId != null;
	}

	boolean changesRole() {
		return this.role != null || this.customRoleId != null;
	}

	/** The built-in role to give, or {@code null}; never the owner's, which is unique. */
	Role builtInRole() {
		return (this.role != null) ? Role.parse(this.role).filter((given) -> given != Role.OWNER).orElse(null) : null;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for an empty change, both kinds of role, an unknown role, a value out of range, or
	 * an avatar that is no web address
	 */
	void validate() {
		if (!isValid()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	private boolean isValid() {
		boolean changesProfile = this.displayName != null || this.avatarUrl != null || this.maxConcurrent != null;
		if (!changesMembership() && !changesProfile) {
			return false;
		}
		if (this.role != null && (this.customRoleId != null || builtInRole() == null)) {
			return false;
		}
		if (this.displayName != null && this.displayName.trim().length() > MAX_DISPLAY_NAME) {
			return false;
		}
		if (this.avatarUrl != null && !this.avatarUrl.isBlank()
				&& (this.avatarUrl.trim().length() > MAX_AVATAR_URL || !isWebAddress(this.avatarUrl.trim()))) {
			return false;
		}
		return this.maxConcurrent == null
				|| (this.maxConcurrent >= 1 && this.maxConcurrent <= AgentProfile.MAX_CONCURRENT_LIMIT);
	}

	AgentProfile applyTo(AgentProfile profile) {
		return new AgentProfile((this.displayName != null) ? emptyAsNull(this.displayName) : profile.displayName(),
				(this.avatarUrl != null) ? emptyAsNull(this.avatarUrl) : profile.avatarUrl(), profile.availability(),
				(this.maxConcurrent != null) ? this.maxConcurrent : profile.maxConcurrent());
	}

	private static String emptyAsNull(String value) {
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * Only web addresses: an avatar is shown in browsers, where {@code javascript:} or
	 * {@code data:} would be a way in.
	 */
	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
