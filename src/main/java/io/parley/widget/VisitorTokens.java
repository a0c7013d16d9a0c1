package io.parley.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.parley.workspace.WorkspaceId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and checks visitor tokens: signed JWTs for one visitor of one workspace. They
 * are signed with their own key, derived from the staff tokens' secret, and carry their
 * own audience, so a visitor token is never a staff token nor the other way round
 * (decision 59).
 */
@Component
public class VisitorTokens {

	static final String AUDIENCE = "parley-visitor";

	private static final String WORKSPACE_ID = "workspace_id";

	private static final String EXTERNAL_ID = "external_id";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Duration lifetime;

	private final Clock clock;

	VisitorTokens(SecretKey jwtSigningKey, Clock clock,
			@Value("${parley.widget.visitor-token-lifetime}") Duration lifetime) {
		SecretKey key = derive(jwtSigningKey);
		this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtClaimValidator<List<String>>(
				JwtClaimNames.AUD, (audience) -> audience != null && audience.contains(AUDIENCE))));
		this.decoder = decoder;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * A token for the visitor, valid for {@code parley.widget.visitor-token-lifetime}.
	 */
	public Issued issue(Visitor visitor) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.lifetime).truncatedTo(ChronoUnit.SECONDS);
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.subject(visitor.visitorId())
			.audience(List.of(AUDIENCE))
			.claim(WORKSPACE_ID, visitor.workspaceId().toString())
			.issuedAt(now)
			.expiresAt(expiresAt);
		if (visitor.externalId() != null) {
			claims.claim(EXTERNAL_ID, visitor.externalId());
		}
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new Issued(token, expiresAt);
	}

	/**
	 * The visitor a token speaks for; empty when it is missing, forged, expired,
	 * malformed or not a visitor token.
	 */
	public Optional<Visitor> verify(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		try {
			Jwt jwt = this.decoder.decode(token);
			String visitorId = jwt.getSubject();
			return WorkspaceId.parse(jwt.getClaimAsString(WORKSPACE_ID))
				.filter((workspace) -> visitorId != null && !visitorId.isBlank())
				.map((workspace) -> new Visitor(workspace, visitorId, jwt.getClaimAsString(EXTERNAL_ID)));
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	/** A key of its own for visitor tokens: HMAC-SHA256 of a label under the secret. */
	private static SecretKey derive(SecretKey secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			byte[] derived = mac.doFinal("parley visitor tokens".getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(derived, "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** A visitor token and when it stops working. */
	public record Issued(String token, Instant expiresAt) {

		/** Keeps the secret out of logs and exception messages. */
		@Override
		public String toString() {
			return "Issued[expiresAt=" + this.expiresAt + ", token redacted]";
		}

	}

}
