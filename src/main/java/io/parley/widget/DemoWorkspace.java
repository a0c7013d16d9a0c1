package io.parley.widget;

import java.util.UUID;

import io.parley.workspace.WorkspaceAccess;
import io.parley.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The workspace of the demo page ({@code GET /demo}), named "Demo", founded once at start
 * when {@code PARLEY_DEMO} is on (the default). It has no members, and founding it makes
 * no account: the install's first admin still signs up to the default workspace as on any
 * fresh install (decision 47). Decision 69.
 */
@Component
@ConditionalOnBooleanProperty(name = "parley.demo", matchIfMissing = true)
public class DemoWorkspace implements SmartInitializingSingleton {

	/** The demo workspace's id, the same on every install. */
	public static final WorkspaceId ID = new WorkspaceId(UUID.fromString("00000000-0000-0000-0000-0000000000de"));

	static final String NAME = "Demo";

	private static final Logger logger = LoggerFactory.getLogger(DemoWorkspace.class);

	private final WorkspaceAccess workspaces;

	DemoWorkspace(WorkspaceAccess workspaces) {
		this.workspaces = workspaces;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.workspaces.foundWithoutMembers(ID, NAME)) {
			logger.info("Founded the demo workspace \"{}\" for the demo page /demo (PARLEY_DEMO=false turns it off)",
					NAME);
		}
	}

}
