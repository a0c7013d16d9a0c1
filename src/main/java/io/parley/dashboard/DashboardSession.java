package io.parley.dashboard;

import java.time.Duration;
import java.util.Optional;

import io.parley.workspace.BrowserSignIn.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Whom the browser session signed in (decision 77): the one attribute the dashboard keeps
 * in it. Signing in turns the session's id, so an id planted before the sign-in is worth
 * nothing after it.
 */
public final class DashboardSession {

	static final String ATTRIBUTE = "parley.dashboard.signed-in";

	private DashboardSession() {
	}

	/** Starts (or moves) the signed-in session, with a fresh id. */
	public static void signIn(HttpServletRequest request, SignedIn signedIn, Duration idleTimeout) {
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(ATTRIBUTE, signedIn);
		session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
	}

	static Optional<SignedIn> signedIn(HttpServletRequest request) {
		@Nullable HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		return (session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn) ? Optional.of(signedIn)
				: Optional.empty();
	}

	/** Ends the session: its id and everything in it are gone. */
	static void end(HttpServletRequest request) {
		@Nullable HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
