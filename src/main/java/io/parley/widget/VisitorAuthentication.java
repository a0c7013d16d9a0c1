package io.parley.widget;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request made with a valid visitor token: it speaks for the {@link Visitor}. */
final class VisitorAuthentication extends AbstractAuthenticationToken {

	private final Visitor visitor;

	VisitorAuthentication(Visitor visitor) {
		super(List.of());
		this.visitor = visitor;
		setAuthenticated(true);
	}

	@Override
	public Visitor getPrincipal() {
		return this.visitor;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

}
