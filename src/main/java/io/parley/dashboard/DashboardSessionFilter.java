package io.parley.dashboard;

import java.io.IOException;

import io.parley.workspace.BrowserSignIn;
import io.parley.workspace.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the caller of a signed-in browser session for each request, from the membership
 * as it is now; a session whose membership ended is ended too.
 */
class DashboardSessionFilter extends OncePerRequestFilter {

	private final BrowserSignIn signIn;

	DashboardSessionFilter(BrowserSignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DashboardSession.signedIn(request).ifPresent((signedIn) -> {
			Caller caller = this.signIn.caller(signedIn).orElse(null);
			if (caller == null) {
				DashboardSession.end(request);
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(this.signIn.authentication(caller));
		});
		chain.doFilter(request, response);
	}

}
