package io.parley.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.parley.identity.BearerTokens;
import io.parley.identity.UserId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies the HS256 access tokens. A token names a user and the workspace
 * they act in ({@code userId}, {@code workspaceId}, and seed 003's {@code role} for
 * information); what the caller may do is read from the membership on every use.
 */
@Service
public class AccessTokens implements BearerTokens {

	static final String USER_ID = "userId";

	static final String WORKSPACE_ID = "workspaceId";

	static final String ROLE = "role";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Callers callers;

	private final Duration lifetime;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, JwtDecoder decoder, Callers callers,
			@Value("${parley.jwt.lifetime}") Duration lifetime, Clock clock) {
		this.encoder = encoder;
		this.decoder = decoder;
		this.callers = callers;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	String issue(Member member) {
		return issue(member, this.clock.instant());
	}

	/** A token for the member, issued at {@code now}; it expires at {@link #expiry}. */
	String issue(Member member, Instant now) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(member.userId().toString())
			.claim(USER_ID, member.userId().toString())
			.claim(WORKSPACE_ID, member.workspaceId().toString())
			.claim(ROLE, member.role().name())
			.issuedAt(now)
			.expiresAt(expiry(now))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** When a token issued at {@code now} expires (a JWT counts whole seconds). */
	Instant expiry(Instant now) {
		return now.plus(this.lifetime).truncatedTo(ChronoUnit.SECONDS);
	}

	Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * The caller a token speaks for; empty when the token is missing, forged, expired or
	 * malformed, or its membership is no longer active.
	 */
	public Optional<Caller> verify(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		try {
			return callerOf(this.decoder.decode(token));
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<AbstractAuthenticationToken> authenticate(Jwt jwt) {
		return callerOf(jwt).map(CallerAuthentication::new);
	}

	Optional<Caller> callerOf(Jwt jwt) {
		Optional<UserId> user = UserId.parse(jwt.getClaimAsString(USER_ID));
		Optional<WorkspaceId> workspace = WorkspaceId.parse(jwt.getClaimAsString(WORKSPACE_ID));
		if (user.isEmpty() || workspace.isEmpty()) {
			return Optional.empty();
		}
		return this.callers.resolve(user.get(), workspace.get());
	}

}
