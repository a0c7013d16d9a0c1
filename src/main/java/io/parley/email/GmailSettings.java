package io.parley.email;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How Parley reaches Google for Gmail inboxes: the OAuth client, the Pub/Sub topic Gmail
 * pushes to and who a push must come from, and Google's addresses, which tests point at a
 * server of their own.
 */
@Component
class GmailSettings {

	/** Read mail, send mail: no more (decision 103). */
	static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/gmail.readonly",
			"https://www.googleapis.com/auth/gmail.send");

	final String clientId;

	final String clientSecret;

	final String topic;

	final String pushAudience;

	final String pushServiceAccount;

	final String authUrl;

	final String tokenUrl;

	final String apiUrl;

	final String certsUrl;

	final String redirectUri;

	GmailSettings(@Value("${parley.email.gmail.client-id}") String clientId,
			@Value("${parley.email.gmail.client-secret}") String clientSecret,
			@Value("${parley.email.gmail.topic}") String topic,
			@Value("${parley.email.gmail.push-audience}") String pushAudience,
			@Value("${parley.email.gmail.push-service-account}") String pushServiceAccount,
			@Value("${parley.email.gmail.auth-url}") String authUrl,
			@Value("${parley.email.gmail.token-url}") String tokenUrl,
			@Value("${parley.email.gmail.api-url}") String apiUrl,
			@Value("${parley.email.gmail.certs-url}") String certsUrl,
			@Value("${parley.public-url}") String publicUrl) {
		this.clientId = clientId.trim();
		this.clientSecret = clientSecret.trim();
		this.topic = topic.trim();
		this.pushAudience = pushAudience.trim();
		this.pushServiceAccount = pushServiceAccount.trim();
		this.authUrl = authUrl;
		this.tokenUrl = tokenUrl;
		this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
		this.certsUrl = certsUrl;
		this.redirectUri = publicUrl.replaceAll("/+$", "") + "/api/email-inboxes/gmail/callback";
	}

	/** Whether Gmail inboxes can be connected at all. */
	boolean configured() {
		return !this.clientId.isEmpty();
	}

	/** Whether Gmail is asked to push to a topic, rather than polled. */
	boolean watches() {
		return !this.topic.isEmpty();
	}

	/** Whether pushes can be verified; without, the push endpoint takes none. */
	boolean takesPushes() {
		return !this.pushAudience.isEmpty() && !this.pushServiceAccount.isEmpty();
	}

	@Override
	public String toString() {
		return "GmailSettings[" + this.clientId + ", " + this.topic + "]";
	}

}
