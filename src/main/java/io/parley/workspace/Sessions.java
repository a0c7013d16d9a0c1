package io.parley.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.RefreshTokens.Presented;
import io.parley.workspace.RefreshTokens.Revocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions that can end (decision 50): a session is started for a member once they have
 * proven who they are, and hands out a short-lived access token with a refresh token.
 * Each refresh uses its token up and returns the next pair; a used token that comes back
 * ends the whole session, for whoever holds its tokens. Logging out ends it too, and so
 * does the member's deactivation or removal.
 */
@Service
public class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private final Memberships memberships;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TwoFactorRequirement twoFactorRequirement;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration lifetime;

	private final Duration idleTimeout;

	Sessions(Memberships memberships, AccessTokens accessTokens, RefreshTokens refreshTokens,
			TwoFactorRequirement twoFactorRequirement, PlatformTransactionManager transactions, Clock clock,
			@Value("${parley.sessions.lifetime}") Duration lifetime,
			@Value("${parley.sessions.idle-timeout}") Duration idleTimeout) {
		this.memberships = memberships;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.twoFactorRequirement = twoFactorRequirement;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.lifetime = lifetime;
		this.idleTimeout = idleTimeout;
	}

	/**
	 * Starts a session for a user who has proven who they are (a password, and a second
	 * factor where one is required): the one place that issues a pair of tokens.
	 * @param workspace the workspace to act in; {@code null} for the user's oldest active
	 * membership
	 * @throws io.parley.system.ParleyException {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 * when they have no active membership (in that workspace)
	 */
	@Transactional
	public SessionTokens start(UserId user, @Nullable WorkspaceId workspace) {
		return start(this.memberships.of(user)
			.stream()
			.filter(Member::active)
			.filter((member) -> workspace == null || member.workspaceId().equals(workspace))
			.findFirst()
			.orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception));
	}

	/** Starts a session for an active member; in the caller's transaction. */
	SessionTokens start(Member member) {
		Instant now = Timestamps.now(this.clock);
		this.refreshTokens.forgetEnded(member.workspaceId(), member.userId(), now);
		SessionId session = SessionId.random();
		Instant end = now.plus(this.lifetime);
		this.refreshTokens.startSession(session, member, now, end);
		return issue(member, session, now, end);
	}

	/**
	 * Exchanges a refresh token for the next pair of its session. A token used already
	 * ends its session: whoever presents it, the next refresh of the other holder is
	 * refused too. Of two concurrent refreshes with one token, one wins and the other
	 * counts as such a reuse.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#REFRESH_TOKEN_INVALID}
	 * when the token is unknown, expired or used, its session has ended, or its member is
	 * no longer active
	 */
	public SessionTokens refresh(String token) {
		RefreshToken presented = RefreshToken.parse(token).orElseThrow(ErrorCode.REFRESH_TOKEN_INVALID::exception);
		// the refusals commit what they change (a session ended for reuse): no exception
		// inside the transaction
		SessionTokens next = this.transactions.execute((status) -> rotate(presented, Timestamps.now(this.clock)));
		if (next == null) {
			throw ErrorCode.REFRESH_TOKEN_INVALID.exception();
		}
		return next;
	}

	/**
	 * Logs out: ends the token's session, whose refresh tokens are refused from then on.
	 * Ending a session that has ended already changes nothing.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#REFRESH_TOKEN_INVALID}
	 * when Parley never issued the token (or forgot its session, long ended)
	 */
	@Transactional
	public void end(String token) {
		Presented presented = RefreshToken.parse(token)
			.flatMap(this.refreshTokens::find)
			.orElseThrow(ErrorCode.REFRESH_TOKEN_INVALID::exception);
		this.refreshTokens.revoke(presented.session().id(), Revocation.LOGOUT, Timestamps.now(this.clock));
	}

	/** Ends every session of a member in the workspace; in the caller's transaction. */
	void endAll(WorkspaceId workspace, UserId user) {
		this.refreshTokens.revokeAll(workspace, user, Revocation.MEMBERSHIP, Timestamps.now(this.clock));
	}

	private @Nullable SessionTokens rotate(RefreshToken token, Instant now) {
		if (!this.refreshTokens.use(token, now)) {
			// read after the attempt, which waited for a concurrent refresh's commit
			this.refreshTokens.find(token)
				.filter(Presented::used)
				.ifPresent((reused) -> endForReuse(reused.session(), now));
			return null;
		}
		RefreshTokens.Session session = this.refreshTokens.find(token).orElseThrow().session();
		if (!session.isLive(now)) {
			return null;
		}
		Optional<Member> member = this.memberships.find(session.workspaceId(), session.userId()).filter(Member::active);
		// a workspace that came to require a second factor ends the sessions of staff
		// without one: they log in and set it up (decision 54)
		if (member.isEmpty() || this.twoFactorRequirement.mustEnrol(member.get())) {
			this.refreshTokens.revoke(session.id(), Revocation.MEMBERSHIP, now);
			return null;
		}
		return issue(member.get(), session.id(), now, session.expiresAt());
	}

	private void endForReuse(RefreshTokens.Session session, Instant now) {
		if (this.refreshTokens.revoke(session.id(), Revocation.REUSE, now)) {
			log.warn("A used refresh token was presented again: session {} of user {} in workspace {} ended",
					session.id(), session.userId(), session.workspaceId());
		}
	}

	private SessionTokens issue(Member member, SessionId session, Instant now, Instant end) {
		RefreshToken refresh = RefreshToken.random();
		Instant idleEnd = now.plus(this.idleTimeout);
		Instant refreshExpires = idleEnd.isBefore(end) ? idleEnd : end;
		this.refreshTokens.add(refresh, session, now, refreshExpires);
		return new SessionTokens(this.accessTokens.issue(member, now), this.accessTokens.lifetime(),
				this.accessTokens.expiry(now), refresh.value(), refreshExpires);
	}

}
