package io.parley.workspace;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a valid access token of an active member; its principal is
 * the {@link Caller}. Permissions are checked on the caller, not as authorities.
 */
class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		super(List.of());
		this.caller = caller;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

}
