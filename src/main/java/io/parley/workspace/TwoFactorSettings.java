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

	TwoFactorSettings(TwoFactor twoFactor, UserDirectory directory, LoginThrottle throttle, Clock clock) {
		this.twoFactor = twoFactor;
		this.directory = directory;
		this.throttle = throttle;
		this.clock = clock;
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

	@AnyCaller("every account keeps its own second factor")
	public void disable(Caller caller, String code) {
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
