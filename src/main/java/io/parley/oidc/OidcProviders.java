package io.parley.oidc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The configured providers: Google's preset ({@code google}) and one provider by its
 * issuer, named {@code PARLEY_OIDC_NAME}. The issuer's discovery document is read when
 * the provider is first used, not at start, so that Parley starts while its provider is
 * down; a failed discovery is tried again on the next use.
 */
@Component
@ConditionalOnOidc
class OidcProviders implements ClientRegistrationRepository {

	static final String GOOGLE = "google";

	private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private final Map<String, Supplier<ClientRegistration>> configured = new ConcurrentHashMap<>();

	private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

	OidcProviders(@Value("${parley.public-url}") String publicUrl, @Value("${parley.oidc.issuer:}") String issuer,
			@Value("${parley.oidc.name:oidc}") String name, @Value("${parley.oidc.label:}") String label,
			@Value("${parley.oidc.client-id:}") String clientId,
			@Value("${parley.oidc.client-secret:}") String clientSecret,
			@Value("${parley.oidc.google.client-id:}") String googleId,
			@Value("${parley.oidc.google.client-secret:}") String googleSecret) {
		String redirectUri = publicUrl.replaceAll("/+$", "") + "/login/oauth2/code/{registrationId}";
		if (!googleId.isBlank()) {
			this.configured.put(GOOGLE,
					() -> CommonOAuth2Provider.GOOGLE.getBuilder(GOOGLE)
						.clientId(googleId)
						.clientSecret(googleSecret)
						.redirectUri(redirectUri)
						.build());
		}
		if (!issuer.isBlank()) {
			if (!NAME.matcher(name).matches() || name.equals("exchange") || this.configured.containsKey(name)) {
				throw new IllegalStateException("PARLEY_OIDC_NAME must be lower-case letters, digits and dashes, "
						+ "neither 'exchange' nor 'google': " + name);
			}
			if (clientId.isBlank()) {
				throw new IllegalStateException("PARLEY_OIDC_ISSUER is set without PARLEY_OIDC_CLIENT_ID");
			}
			this.configured.put(name,
					() -> ClientRegistrations.fromIssuerLocation(issuer)
						.registrationId(name)
						.clientName(label.isBlank() ? name : label)
						.clientId(clientId)
						.clientSecret(clientSecret)
						.clientAuthenticationMethod(clientSecret.isBlank() ? ClientAuthenticationMethod.NONE
								: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.redirectUri(redirectUri)
						.scope("openid", "email", "profile")
						.build());
		}
	}

	boolean isConfigured(String provider) {
		return this.configured.containsKey(provider);
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		ClientRegistration known = this.resolved.get(registrationId);
		if (known != null) {
			return known;
		}
		Supplier<ClientRegistration> provider = this.configured.get(registrationId);
		if (provider == null) {
			return null;
		}
		try {
			return this.resolved.computeIfAbsent(registrationId, (id) -> provider.get());
		}
		catch (RuntimeException ex) {
			log.warn("The sign-in provider {} could not be reached: {}", registrationId, ex.getMessage());
			return null;
		}
	}

}
