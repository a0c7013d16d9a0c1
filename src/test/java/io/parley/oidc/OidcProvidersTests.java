package io.parley.oidc;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The providers Parley is configured with: Google's preset and one by its issuer. */
class OidcProvidersTests {

	@Test
	void googlesPresetNeedsOnlyItsClientAndSendsTheBrowserBackToThePublicAddress() {
		OidcProviders providers = new OidcProviders("https://chat.example.com/", "", "oidc", "", "", "", "google-id",
				"google-secret");

		ClientRegistration google = providers.findByRegistrationId("google");

		assertThat(google).isNotNull();
		assertThat(google.getProviderDetails().getIssuerUri()).isEqualTo("https://accounts.google.com");
		assertThat(google.getClientId()).isEqualTo("google-id");
		assertThat(google.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(google.getScopes()).contains("openid", "email");
		assertThat(google.getRedirectUri()).isEqualTo("https://chat.example.com/login/oauth2/code/{registrationId}");
		assertThat(providers.isConfigured("google")).isTrue();
		assertThat(providers.isConfigured("oidc")).isFalse();
		assertThat(providers.findByRegistrationId("oidc")).isNull();
	}

	@Test
	void anIssuersProviderNeedsAUsableNameAndAClient() {
		assertThatIllegalStateException().isThrownBy(() -> new OidcProviders("http://localhost:8080",
				"https://idp.example.com", "exchange", "", "client", "", "", ""));
		assertThatIllegalStateException().isThrownBy(() -> new OidcProviders("http://localhost:8080",
				"https://idp.example.com", "google", "", "client", "", "google-id", ""));
		assertThatIllegalStateException().isThrownBy(() -> new OidcProviders("http://localhost:8080",
				"https://idp.example.com", "oidc", "", "", "", "", ""));
	}

	@Test
	void anIssuerThatCannotBeReachedIsNoProviderYet() {
		OidcProviders providers = new OidcProviders("http://localhost:8080", "http://127.0.0.1:9/unreachable", "oidc",
				"", "client", "secret", "", "");

		assertThat(providers.isConfigured("oidc")).isTrue();
		assertThat(providers.findByRegistrationId("oidc")).isNull();
	}

}
