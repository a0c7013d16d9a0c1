package io.parley.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
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
 * Issues and verifies the HS256 access tokens that carry {@code userId} and {@code role}.
 */
@Service
public class AccessTokens {

	static final String USER_ID = "userId";

	static final String ROLE = "role";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Duration lifetime;

	AccessTokens(JwtEncoder encoder, JwtDecoder decoder, @Value("${parley.jwt.lifetime}") Duration lifetime) {
		this.encoder = encoder;
		this.decoder = decoder;
		this.lifetime = lifetime;
	}

	String issue(UserAccount user) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(user.id().toString())
			.claim(USER_ID, user.id().toString())
			.claim(ROLE, user.role().value())
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * The caller a token speaks for; empty when the token is missing, forged, expired or
	 * malformed.
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

	static Optional<Caller> callerOf(Jwt jwt) {
		Optional<UserId> user = UserId.parse(jwt.getClaimAsString(USER_ID));
		Optional<Role> role = Role.parse(jwt.getClaimAsString(ROLE));
		return user.flatMap((id) -> role.map((r) -> new Caller(id, r)));
	}

}
