package io.parley.identity;

import java.util.Optional;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a bearer token stands for, once its signature and expiry are checked. Identity
 * verifies tokens; what they grant depends on a membership, so another module (the
 * workspace module) implements this and identity never depends on it.
 */
public interface BearerTokens {

	/**
	 * The request's authentication; empty when the token names no one who may act now
	 * (unknown user, or a membership that is gone or inactive).
	 */
	Optional<AbstractAuthenticationToken> authenticate(Jwt token);

}
