package io.parley.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Authorization requests in the HTTP session, as Spring keeps them; the one the callback
 * takes out stays readable for the rest of that request, so that the callback learns what
 * its round trip was for (a sign-in, or linking whose account).
 */
class RememberedAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	private static final String COMPLETED = RememberedAuthorizationRequests.class.getName() + ".completed";

	private final HttpSessionOAuth2AuthorizationRequestRepository session = new HttpSessionOAuth2AuthorizationRequestRepository();

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		return this.session.loadAuthorizationRequest(request);
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		this.session.saveAuthorizationRequest(authorizationRequest, request, response);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizationRequest removed = this.session.removeAuthorizationRequest(request, response);
		if (removed != null) {
			request.setAttribute(COMPLETED, removed);
		}
		return removed;
	}

	/** The authorization request the provider's callback in this request answered. */
	@Nullable OAuth2AuthorizationRequest completed(HttpServletRequest request) {
		return (OAuth2AuthorizationRequest) request.getAttribute(COMPLETED);
	}

}
