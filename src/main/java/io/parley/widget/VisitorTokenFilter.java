package io.parley.widget;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer VISITOR_TOKEN} on the widget's routes. A missing,
 * forged or expired token, or a staff token, authenticates nobody: the routes that need a
 * visitor answer 401.
 */
final class VisitorTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final VisitorTokens tokens;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	VisitorTokenFilter(VisitorTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			this.tokens.verify(header.substring(BEARER.length()).trim()).ifPresent((visitor) -> {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(new VisitorAuthentication(visitor));
				this.contexts.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}

}
