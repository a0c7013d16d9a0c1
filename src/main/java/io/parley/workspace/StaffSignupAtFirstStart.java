package io.parley.workspace;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's choice of whether staff may sign up to the default workspace
 * ({@code PARLEY_STAFF_SIGNUP}, {@code open} or {@code closed}), applied at every start
 * until the workspace has its first admin, who decides from then on (decision 47). Runs
 * before the server takes requests, so a closed install is never open for a moment.
 */
@Component
class StaffSignupAtFirstStart implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(StaffSignupAtFirstStart.class);

	private final Workspaces workspaces;

	private final boolean open;

	StaffSignupAtFirstStart(Workspaces workspaces, @Value("${parley.staff-signup}") String policy) {
		this.workspaces = workspaces;
		this.open = switch (policy.trim().toLowerCase(Locale.ROOT)) {
			case "open" -> true;
			case "closed" -> false;
			default -> throw new IllegalStateException("PARLEY_STAFF_SIGNUP must be open or closed");
		};
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.workspaces.setStaffSignupUntilFirstAdmin(WorkspaceId.DEFAULT, this.open)) {
			logger.info("Staff sign-up to the default workspace is {} until its first admin signs up",
					this.open ? "open" : "closed");
		}
	}

}
