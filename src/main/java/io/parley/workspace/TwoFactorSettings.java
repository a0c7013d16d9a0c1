package io.parley.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.parley.identity.TwoFactor;
import io.parley.identity.TwoFactorEnrolment;
import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;

import org.springframework.stereotype.Service;

/**
 * The caller's own second factor: set it up, see it, turn it off. A wrong code counts as
 * a failed log-in of the caller's address, so a stolen token cannot guess its way to
 * turning the second factor off.
 */
@Service
public class TwoFactorSettings {

	private final TwoFactor twoFactor;

	private final UserDirectory directory;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final Memberships memberships;

	private final Workspaces workspaces;

	TwoFactorSettings(TwoFactor twoFactor, UserDirectory directory, LoginThrottle throttle, Clock clock,
			Memberships memberships, Workspaces workspaces) {
		this.twoFactor = twoFactor;
		this.directory = directory;
		this.throttle = throttle;
		this.clock = clock;
		this.memberships = memberships;
		this.workspaces = workspaces;
	}

	@AnyCaller("every account keeps its own second factor")
	public Status status(Caller caller) {
		return new Status(this.twoFactor.isEnabled(caller.userId()), this.twoFactor.backupCodesLeft(caller.userId()));
	}

	@AnyCaller("every account keeps its own second factor")
	public TwoFactorEnrolment start(Caller caller) {
		return this.twoFactor.start(caller.userId());
	}

	/**
	 * @return the backup codes, shown this once
	 */
	@AnyCaller("every account keeps its own second factor")
	public List<String> confirm(Caller caller, String code) {
		return throttled(caller, () -> this.twoFactor.confirm(caller.userId(), code));
	}

	/**
	 * Whether a workspace the caller works in (as staff, active) requires a second
	 * factor, so that it cannot be turned off (decision 98).
	 */
	@AnyCaller("every account keeps its own second factor")
	public boolean requiredOf(Caller caller) {
		return this.memberships.of(caller.userId())
			.stream()
			.filter((member) -> member.active() && member.isStaff())
			.anyMatch((member) -> this.workspaces.find(member.workspaceId())
				.map(Workspace::requireTwoFactor)
				.orElse(false));
	}

	/**
	 * Ten new backup codes for a current code, the old ones void.
	 * @return the backup codes, shown this once
	 */
	@AnyCaller("every account keeps its own second factor")
	public List<String> replaceBackupCodes(Caller caller, String code) {
		return throttled(caller, () -> this.twoFactor.replaceBackupCodes(caller.userId(), code));
	}

	/**
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#TWO_FACTOR_REQUIRED_BY_WORKSPACE} while a workspace of the
	 * caller's requires it, {@link ErrorCode#INVALID_TWO_FACTOR_CODE},
	 * {@link ErrorCode#TWO_FACTOR_NOT_ON}
	 */
	@AnyCaller("every account keeps its own second factor")
	public void disable(Caller caller, String code) {
		if (this.twoFactor.isEnabled(caller.userId()) && requiredOf(caller)) {
			throw ErrorCode.TWO_FACTOR_REQUIRED_BY_WORKSPACE.exception();
		}
		throttled(caller, () -> {
			this.twoFactor.disable(caller.userId(), code);
			return null;
		});
	}

	private <T> T throttled(Caller caller, Supplier<T> step) {
		String email = this.directory.find(caller.userId())
			.map(UserAccount::email)
			.orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
		Instant now = this.clock.instant();
		this.throttle.requireAllowed(email, now);
		try {
			return step.get();
		}
		catch (ParleyException ex) {
			if (ex.code() == ErrorCode.INVALID_TWO_FACTOR_CODE) {
				this.throttle.failed(email, now);
			}
			throw ex;
		}
	}

	/**
	 * @param backupCodesLeft the unused backup codes; 0 while off
	 */
	public record Status(boolean enabled, int backupCodesLeft) {
	}

}
