package io.parley.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.identity.UserId;
import io.parley.oidc.OidcCodes.Entry;
import io.parley.oidc.OidcCodes.Purpose;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.AnyCaller;
import io.parley.workspace.Caller;
import io.parley.workspace.LogIn;
import io.parley.workspace.LogInOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and linking accounts through a provider. An account is found by its link to
 * the provider's account, or by an email the provider has verified; none is ever created
 * (decision 58). The callback's outcome is kept under a one-time code that the browser
 * exchanges once, within a minute (decision 57).
 */
@Service
@ConditionalOnOidc
public class OidcSignIn {

	static final Duration TICKET_LIFETIME = Duration.ofMinutes(2);

	static final Duration CODE_LIFETIME = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	private final OidcProviders providers;

	private final OidcLinks links;

	private final OidcCodes codes;

	private final UserDirectory users;

	private final LogIn logIn;

	private final Clock clock;

	OidcSignIn(OidcProviders providers, OidcLinks links, OidcCodes codes, UserDirectory users, LogIn logIn,
			Clock clock) {
		this.providers = providers;
		this.links = links;
		this.codes = codes;
		this.users = users;
		this.logIn = logIn;
		this.clock = clock;
	}

	/**
	 * A ticket for the caller to link their account to the provider's: it starts the
	 * round trip ({@code /auth/oidc/{provider}?link=}) once, within two minutes.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#OIDC_PROVIDER_NOT_FOUND}
	 */
	@Transactional
	@AnyCaller("a member links their own account")
	public LinkTicket linkTicket(Caller caller, String provider) {
		requireConfigured(provider);
		Instant now = Timestamps.now(this.clock);
		OneTimeCode ticket = OneTimeCode.random();
		Instant expires = now.plus(TICKET_LIFETIME);
		this.codes.add(ticket, new Entry(Purpose.LINK, provider, caller.userId(), caller.workspaceId(), null, expires),
				now);
		return new LinkTicket(ticket.value(), expires);
	}

	/**
	 * Removes the caller's link to the provider.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#OIDC_PROVIDER_NOT_FOUND}
	 * when the provider is not configured or the caller has no link to it
	 */
	@Transactional
	@AnyCaller("a member unlinks their own account")
	public void unlink(Caller caller, String provider) {
		requireConfigured(provider);
		if (!this.links.unlink(provider, caller.userId())) {
			throw ErrorCode.OIDC_PROVIDER_NOT_FOUND.exception();
		}
	}

	/** Uses up a link ticket for the provider; empty when it is not a valid one. */
	@Transactional
	Optional<UserId> redeemTicket(String ticket, String provider) {
		return OneTimeCode.parse(ticket)
			.flatMap((code) -> this.codes.use(code, Timestamps.now(this.clock)))
			.filter((entry) -> entry.purpose() == Purpose.LINK && entry.provider().equals(provider))
			.map(Entry::user);
	}

	/**
	 * What the provider's callback found, kept for the browser's exchange.
	 * @param linking the member who asked to link, {@code null} for a sign-in
	 */
	@Transactional
	OneTimeCode complete(ProviderIdentity identity, @Nullable UserId linking) {
		Instant now = Timestamps.now(this.clock);
		if (linking != null) {
			if (!this.links.link(identity.provider(), identity.subject(), linking, now)) {
				return refused(identity.provider(), ErrorCode.OIDC_ALREADY_LINKED, now);
			}
			log.info("User {} linked their account to {}", linking, identity.provider());
			return outcome(identity.provider(), Purpose.LINKED, linking, null, now);
		}
		Optional<UserId> linked = this.links.find(identity.provider(), identity.subject());
		if (linked.isPresent()) {
			return signIn(identity.provider(), linked.get(), now);
		}
		String email = identity.verifiedEmail();
		if (email == null) {
			return refused(identity.provider(), ErrorCode.OIDC_EMAIL_NOT_VERIFIED, now);
		}
		return this.users.findByEmail(email)
			.map(UserAccount::id)
			.map((user) -> signIn(identity.provider(), user, now))
			.orElseGet(() -> refused(identity.provider(), ErrorCode.OIDC_ACCOUNT_NOT_FOUND, now));
	}

	/** A callback that did not complete: the browser's exchange answers the error. */
	@Transactional
	OneTimeCode refuse(String provider, ErrorCode error) {
		return refused(provider, error, Timestamps.now(this.clock));
	}

	/**
	 * Exchanges the callback's one-time code for what it found: a new session's tokens,
	 * or the account linked.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#OIDC_CODE_INVALID} when
	 * the code is unknown, used or expired; the callback's refusal; or
	 * {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 */
	// no transaction around it: the code is used up even when the session is refused
	public Exchanged exchange(@Nullable String code) {
		Entry entry = OneTimeCode.parse(code)
			.flatMap((presented) -> this.codes.use(presented, Timestamps.now(this.clock)))
			.filter((found) -> found.purpose() != Purpose.LINK)
			.orElseThrow(ErrorCode.OIDC_CODE_INVALID::exception);
		return switch (entry.purpose()) {
			case SIGN_IN -> new Exchanged(entry.provider(), this.logIn.logInVouchedFor(entry.user()), false);
			case LINKED -> new Exchanged(entry.provider(), null, true);
			default -> throw ErrorCode.valueOf(entry.failure()).exception();
		};
	}

	private OneTimeCode signIn(String provider, UserId user, Instant now) {
		log.info("User {} signed in through {}", user, provider);
		return outcome(provider, Purpose.SIGN_IN, user, null, now);
	}

	private OneTimeCode refused(String provider, ErrorCode error, Instant now) {
		log.info("A sign-in through {} was refused: {}", provider, error);
		return outcome(provider, Purpose.REFUSED, null, error, now);
	}

	private OneTimeCode outcome(String provider, Purpose purpose, @Nullable UserId user, @Nullable ErrorCode error,
			Instant now) {
		OneTimeCode code = OneTimeCode.random();
		this.codes.add(code, new Entry(purpose, provider, user, null, (error != null) ? error.name() : null,
				now.plus(CODE_LIFETIME)), now);
		return code;
	}

	private void requireConfigured(String provider) {
		if (!this.providers.isConfigured(provider)) {
			throw ErrorCode.OIDC_PROVIDER_NOT_FOUND.exception();
		}
	}

	/** A member's ticket to link their account, and when it expires unused. */
	public record LinkTicket(String ticket, Instant expiresAt) {

		@Override
		public String toString() {
			return "LinkTicket[redacted]";
		}

	}

	/**
	 * What an exchanged code gave: after a sign-in, a session's tokens or the challenge
	 * of the account's second step; or {@code linked}.
	 */
	public record Exchanged(String provider, @Nullable LogInOutcome signIn, boolean linked) {

	}

}
