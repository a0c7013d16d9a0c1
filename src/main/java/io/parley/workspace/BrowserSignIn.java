package io.parley.workspace;

import java.util.List;
import java.util.Optional;

import io.parley.identity.TwoFactorEnrolment;
import io.parley.identity.User;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Signs a member into the dashboard's browser session (decision 77): the same password
 * check, throttle and second step as {@code POST /auth/login}, but no token pair is
 * issued. The browser session remembers only whom it signed in, and every request reads
 * the membership again, so a changed role applies at once and a deactivated member is out
 * at their next click.
 */
@Service
public class BrowserSignIn {

	private final LogIn logIn;

	private final TwoFactorLogIn twoFactor;

	private final Memberships memberships;

	private final Workspaces workspaces;

	private final TwoFactorRequirement requirement;

	private final LoginThrottle throttle;

	private final Callers callers;

	BrowserSignIn(LogIn logIn, TwoFactorLogIn twoFactor, Memberships memberships, Workspaces workspaces,
			TwoFactorRequirement requirement, LoginThrottle throttle, Callers callers) {
		this.logIn = logIn;
		this.twoFactor = twoFactor;
		this.memberships = memberships;
		this.workspaces = workspaces;
		this.requirement = requirement;
		this.throttle = throttle;
		this.callers = callers;
	}

	/**
	 * The first step: email and password, into the user's oldest active membership.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_CREDENTIALS},
	 * {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 * @throws io.parley.system.RateLimitedException when the address failed too often
	 */
	public Step signIn(String email, String password) {
		User user = this.logIn.authenticate(email, password);
		Member member = this.memberships.of(user.id())
			.stream()
			.filter(Member::active)
			.findFirst()
			.orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception);
		Optional<LogInOutcome> secondStep = this.twoFactor.secondStep(user, member);
		if (secondStep.isPresent()) {
			return new Step(null, secondStep.get().challenge(), secondStep.get().enrolmentRequired(), List.of());
		}
		this.throttle.succeeded(user.email());
		return Step.signedIn(SignedIn.of(member), List.of());
	}

	/**
	 * Starts setting up the second factor a workspace requires, within the sign-in.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#LOGIN_CHALLENGE_INVALID}
	 */
	public TwoFactorEnrolment enrol(String challenge) {
		return this.twoFactor.enrol(challenge);
	}

	/**
	 * The second step: a code from the authenticator or a backup code.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#LOGIN_CHALLENGE_INVALID},
	 * {@link ErrorCode#WRONG_TWO_FACTOR_CODE}, {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 * @throws io.parley.system.RateLimitedException when the address failed too often
	 */
	public Step complete(String challenge, String code) {
		TwoFactorLogIn.Verified verified = this.twoFactor.verify(challenge, code);
		return Step.signedIn(SignedIn.of(verified.member()), verified.backupCodes());
	}

	/** The caller a browser session speaks for, as their membership is now. */
	public Optional<Caller> caller(SignedIn session) {
		return this.callers.resolve(session.userId(), session.workspaceId());
	}

	/** The authentication that hands the caller to controllers and permission checks. */
	@AnyCaller("wraps the caller the session already speaks for")
	public Authentication authentication(Caller caller) {
		return new CallerAuthentication(caller);
	}

	/**
	 * Moves the browser session to another workspace the caller is an active member of.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#WORKSPACE_NOT_FOUND},
	 * {@link ErrorCode#TWO_FACTOR_REQUIRED} when it requires a second factor the caller
	 * has not set up
	 */
	@AnyCaller("only to a workspace the caller is an active member of")
	public SignedIn switchTo(Caller caller, String workspaceId) {
		Member member = WorkspaceId.parse(workspaceId)
			.flatMap((workspace) -> this.memberships.find(workspace, caller.userId()))
			.filter(Member::active)
			.orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
		this.requirement.requireMet(member);
		return SignedIn.of(member);
	}

	/** The workspaces the caller may switch to, oldest membership first, with names. */
	@AnyCaller("lists the caller's own memberships")
	public List<WorkspaceChoice> workspaces(Caller caller) {
		return this.memberships.of(caller.userId())
			.stream()
			.filter(Member::active)
			.map((member) -> new WorkspaceChoice(member.workspaceId(),
					this.workspaces.find(member.workspaceId()).map(Workspace::name).orElse(""), member.name(),
					member.workspaceId().equals(caller.workspaceId())))
			.toList();
	}

	/**
	 * Whom a browser session signed in: kept in the session (serialized, so plain
	 * strings), never the permissions, which are read per request.
	 */
	public record SignedIn(String user, String workspace) implements java.io.Serializable {

		static SignedIn of(Member member) {
			return new SignedIn(member.userId().value().toString(), member.workspaceId().value().toString());
		}

		UserId userId() {
			return UserId.parse(this.user).orElseThrow();
		}

		WorkspaceId workspaceId() {
			return WorkspaceId.parse(this.workspace).orElseThrow();
		}

	}

	/**
	 * A sign-in step's outcome: signed in, or the challenge of a second step.
	 *
	 * @param backupCodes the backup codes of a second factor set up in this sign-in
	 */
	public record Step(SignedIn signedIn, String challenge, boolean enrolment, List<String> backupCodes) {

		static Step signedIn(SignedIn signedIn, List<String> backupCodes) {
			return new Step(signedIn, null, false, List.copyOf(backupCodes));
		}

		public boolean secondStepNeeded() {
			return this.signedIn == null;
		}

		@Override
		public String toString() {
			return "Step[secrets redacted, secondStepNeeded=" + secondStepNeeded() + "]";
		}

	}

	/** A workspace in the switcher. */
	public record WorkspaceChoice(WorkspaceId id, String name, String memberName, boolean current) {
	}

}
