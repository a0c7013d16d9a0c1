package io.parley.oidc.web;

import io.parley.oidc.ConditionalOnOidc;
import io.parley.oidc.OidcSignIn;
import io.parley.oidc.OidcSignIn.Exchanged;
import io.parley.oidc.OidcSignIn.LinkTicket;
import io.parley.system.ApiResponse;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST side of signing in through a provider: the browser's exchange of the
 * callback's one-time code (in its cookie) for a session's tokens, and a member's link
 * requests.
 */
@RestController
@ConditionalOnOidc
class OidcController {

	private static final String COOKIE = "parley_oidc";

	private final OidcSignIn signIn;

	private final boolean secure;

	OidcController(OidcSignIn signIn, @Value("${parley.public-url}") String publicUrl) {
		this.signIn = signIn;
		this.secure = publicUrl.startsWith("https:");
	}

	@PostMapping(path = "/auth/oidc/exchange", produces = "application/json")
	ApiResponse exchange(@CookieValue(name = COOKIE, required = false) @Nullable String code,
			HttpServletResponse response) {
		// used or not, the code is of no further use to this browser
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(COOKIE, "")
					.path("/auth/oidc/exchange")
					.httpOnly(true)
					.secure(this.secure)
					.sameSite("Strict")
					.maxAge(0)
					.build()
					.toString());
		Exchanged exchanged = this.signIn.exchange(code);
		return ApiResponse.ok((exchanged.signIn() != null) ? SignedInView.of(exchanged.provider(), exchanged.signIn())
				: new LinkedView(exchanged.provider(), true));
	}

	@PostMapping(path = "/api/oidc/links/{provider}", produces = "application/json")
	ApiResponse requestLink(Caller caller, @PathVariable String provider) {
		LinkTicket ticket = this.signIn.linkTicket(caller, provider);
		return ApiResponse.ok(new LinkRequestView("/auth/oidc/" + provider + "?link=" + ticket.ticket(),
				Timestamps.format(ticket.expiresAt())));
	}

	@DeleteMapping(path = "/api/oidc/links/{provider}", produces = "application/json")
	ApiResponse unlink(Caller caller, @PathVariable String provider) {
		this.signIn.unlink(caller, provider);
		return ApiResponse.ok(new LinkedView(provider, false));
	}

	record LinkedView(String provider, boolean linked) {
	}

	/** Where the browser goes to link the caller's account: once, before it expires. */
	record LinkRequestView(String url, String expiresAt) {

		@Override
		public String toString() {
			return "LinkRequestView[url redacted]";
		}

	}

}
