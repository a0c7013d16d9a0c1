package io.parley.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parley.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Service;

/**
 * Gmail's pushes through Pub/Sub: each carries an OIDC token Google signed for the push
 * subscription's service account. A push is taken only when that token is signed by
 * Google's keys, is for Parley's audience and names the configured service account,
 * verified email; then the inbox of the address it names reads its history at once. The
 * push's history id is not trusted: the read starts from the stored one (decision 105).
 */
@Service
public class GmailPush {

	private static final Logger log = LoggerFactory.getLogger(GmailPush.class);

	private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

	private final GmailSettings settings;

	private final GmailAccounts accounts;

	private final GmailPoller poller;

	private final JsonMapper json;

	private final NimbusJwtDecoder decoder;

	GmailPush(GmailSettings settings, GmailAccounts accounts, GmailPoller poller, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.accounts = accounts;
		this.poller = poller;
		this.json = json;
		// Google's keys are read when the first push comes, and again for a key not seen
		this.decoder = NimbusJwtDecoder.withJwkSetUri(settings.certsUrl).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, this::fromGoogleForParley));
	}

	/**
	 * Takes a push.
	 * @param authorization the request's {@code Authorization} header
	 * @throws io.parley.system.ParleyException {@link ErrorCode#UNAUTHORIZED} for a push
	 * without a valid token (nothing is read), {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a body that is no Pub/Sub push of Gmail's
	 */
	public void receive(String authorization, byte[] body) {
		if (!this.settings.takesPushes() || authorization == null || !authorization.startsWith("Bearer ")) {
			throw ErrorCode.UNAUTHORIZED.exception();
		}
		try {
			this.decoder.decode(authorization.substring("Bearer ".length()).trim());
		}
		catch (JwtException ex) {
			log.warn("A Gmail push was refused: {}", ex.getMessage());
			throw ErrorCode.UNAUTHORIZED.exception();
		}
		String address = address(body);
		if (this.accounts.pushed(address) > 0) {
			this.poller.wake();
		}
	}

	/**
	 * The Gmail address the push is about: {@code message.data} is its JSON in base64.
	 */
	private String address(byte[] body) {
		try {
			JsonNode data = this.json.readTree(body).at("/message/data");
			JsonNode notification = this.json
				.readTree(Base64.getDecoder().decode(data.stringValue().getBytes(StandardCharsets.US_ASCII)));
			String address = notification.get("emailAddress").stringValue();
			if (address == null || address.isBlank()) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return address.trim().toLowerCase(Locale.ROOT);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	private OAuth2TokenValidatorResult fromGoogleForParley(Jwt token) {
		List<String> wrong = new ArrayList<>();
		if (!ISSUERS.contains(token.getClaimAsString("iss"))) {
			wrong.add("issuer");
		}
		if (token.getAudience() == null || !token.getAudience().contains(this.settings.pushAudience)) {
			wrong.add("audience");
		}
		if (!this.settings.pushServiceAccount.equalsIgnoreCase(token.getClaimAsString("email"))
				|| !Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified"))) {
			wrong.add("service account");
		}
		if (token.getExpiresAt() == null) {
			wrong.add("expiry");
		}
		return wrong.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
				new OAuth2Error("invalid_token", "The push token's " + String.join(", ", wrong) + " is wrong", null));
	}

}
