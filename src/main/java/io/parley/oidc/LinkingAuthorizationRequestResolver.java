package io.parley.oidc;

import io.parley.identity.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Spring's authorization requests with PKCE (S256) for every client, confidential ones
 * too; a {@code link} ticket is used up here and the member it names kept with the
 * request, so that the callback links that member's account. An unknown provider is no
 * authorization request (its path answers 404).
 */
class LinkingAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

	static final String LINKING = "parley.linking";

	static final String LINK_EXPIRED = "parley.link-expired";

	private final DefaultOAuth2AuthorizationRequestResolver requests;

	private final OidcSignIn signIn;

	LinkingAuthorizationRequestResolver(ClientRegistrationRepository providers, String baseUri, OidcSignIn signIn) {
		this.requests = new DefaultOAuth2AuthorizationRequestResolver(providers, baseUri);
		this.requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		this.signIn = signIn;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		try {
			return withLink(request, this.requests.resolve(request));
		}
		catch (IllegalArgumentException ex) {
			// Spring's InvalidClientRegistrationIdException: no such provider
			return null;
		}
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		try {
			return withLink(request, this.requests.resolve(request, clientRegistrationId));
		}
		catch (IllegalArgumentException ex) {
			// Spring's InvalidClientRegistrationIdException: no such provider
			return null;
		}
	}

	private @Nullable OAuth2AuthorizationRequest withLink(HttpServletRequest request,
			@Nullable OAuth2AuthorizationRequest authorization) {
		String ticket = request.getParameter("link");
		if (authorization == null || ticket == null) {
			return authorization;
		}
		String provider = authorization.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
		UserId member = this.signIn.redeemTicket(ticket, provider).orElse(null);
		return OAuth2AuthorizationRequest.from(authorization).attributes((attributes) -> {
			if (member != null) {
				attributes.put(LINKING, member.value().toString());
			}
			else {
				attributes.put(LINK_EXPIRED, Boolean.TRUE);
			}
		}).build();
	}

}
