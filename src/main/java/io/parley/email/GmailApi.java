package io.parley.email;

import java.io.IOException;
import java.net.URI;

import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeRequestUrl;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.UserCredentials;

import org.springframework.stereotype.Component;

/**
 * Google's own clients, pointed at the configured addresses: the consent link, the code's
 * exchange for a refresh token, and the Gmail API as the account's owner.
 */
@Component
class GmailApi {

	/** How long a connection to Google and each read from it may take. */
	static final int TIMEOUT_MILLIS = 20_000;

	private final GmailSettings settings;

	private final HttpTransport transport = new NetHttpTransport();

	private final JsonFactory json = GsonFactory.getDefaultInstance();

	GmailApi(GmailSettings settings) {
		this.settings = settings;
	}

	/** Where the administrator gives consent: offline, so a refresh token comes back. */
	String consentUrl(String state, String loginHint) {
		return new GoogleAuthorizationCodeRequestUrl(this.settings.authUrl, this.settings.clientId,
				this.settings.redirectUri, GmailSettings.SCOPES)
			.setAccessType("offline")
			.setState(state)
			// a refresh token also for an account that consented before
			.set("prompt", "consent")
			.set("login_hint", loginHint)
			.build();
	}

	/** Google's refresh token for the consent's code. */
	String refreshToken(String code) throws IOException {
		GoogleTokenResponse response = new GoogleAuthorizationCodeTokenRequest(this.transport, this.json,
				this.settings.tokenUrl, this.settings.clientId, this.settings.clientSecret, code,
				this.settings.redirectUri)
			.setRequestInitializer(this::timeouts)
			.execute();
		if (response.getRefreshToken() == null) {
			throw new IOException("Google gave no refresh token");
		}
		return response.getRefreshToken();
	}

	/** The Gmail API as the account's owner, who gave {@code refreshToken}. */
	Gmail client(String refreshToken) {
		UserCredentials credentials = UserCredentials.newBuilder()
			.setClientId(this.settings.clientId)
			.setClientSecret(this.settings.clientSecret)
			.setRefreshToken(refreshToken)
			.setTokenServerUri(URI.create(this.settings.tokenUrl))
			.setHttpTransportFactory(() -> this.transport)
			.build();
		HttpRequestInitializer authorized = new HttpCredentialsAdapter(credentials);
		return new Gmail.Builder(this.transport, this.json, (request) -> {
			authorized.initialize(request);
			timeouts(request);
		}).setRootUrl(this.settings.apiUrl).setApplicationName("Parley").build();
	}

	private void timeouts(HttpRequest request) {
		request.setConnectTimeout(TIMEOUT_MILLIS);
		request.setReadTimeout(TIMEOUT_MILLIS);
	}

}
