package io.parley.oidc;

import java.io.IOException;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of the round trip: what the provider's answer found (an account, a link, a
 * refusal) is kept under a one-time code, which goes to the browser in an HTTP-only
 * cookie for {@code POST /auth/oidc/exchange} alone, never in an address (decision 57);
 * the browser goes on to {@code /oidc.html}, whose script makes the exchange. The round
 * trip's session ends here.
 */
class OidcCallback implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String COOKIE = "parley_oidc";

	static final String RESULT_PAGE = "/oidc.html";

	private static final Logger log = LoggerFactory.getLogger(OidcCallback.class);

	private final OidcSignIn signIn;

	private final RememberedAuthorizationRequests requests;

	private final boolean secure;

	OidcCallback(OidcSignIn signIn, RememberedAuthorizationRequests requests, boolean secure) {
		this.signIn = signIn;
		this.requests = requests;
		this.secure = secure;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		String provider = token.getAuthorizedClientRegistrationId();
		OneTimeCode code;
		if (!(token.getPrincipal() instanceof OidcUser user)) {
			code = this.signIn.refuse(provider, ErrorCode.OIDC_SIGN_IN_FAILED);
		}
		else {
			ProviderIdentity identity = new ProviderIdentity(provider, user.getSubject(), user.getEmail(),
					Boolean.TRUE.equals(user.getEmailVerified()));
			OAuth2AuthorizationRequest started = this.requests.completed(request);
			if (started != null && started.getAttribute(LinkingAuthorizationRequestResolver.LINK_EXPIRED) != null) {
				code = this.signIn.refuse(provider, ErrorCode.OIDC_LINK_EXPIRED);
			}
			else {
				String linking = (started != null) ? started.getAttribute(LinkingAuthorizationRequestResolver.LINKING)
						: null;
				code = this.signIn.complete(identity, (linking != null) ? new UserId(UUID.fromString(linking)) : null);
			}
		}
		finish(request, response, code);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: exception.getClass().getSimpleName();
		String provider = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		log.info("A sign-in through {} failed: {}", provider, reason);
		finish(request, response, this.signIn.refuse(provider, ErrorCode.OIDC_SIGN_IN_FAILED));
	}

	private void finish(HttpServletRequest request, HttpServletResponse response, OneTimeCode code) throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		response.addHeader("Set-Cookie", cookie(code.value(), OidcSignIn.CODE_LIFETIME.toSeconds()));
		response.sendRedirect(RESULT_PAGE);
	}

	/** The cookie that carries a code to the exchange, or (empty, age 0) removes it. */
	String cookie(String value, long maxAgeSeconds) {
		return ResponseCookie.from(COOKIE, value)
			.path("/auth/oidc/exchange")
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Strict")
			.maxAge(maxAgeSeconds)
			.build()
			.toString();
	}

}
