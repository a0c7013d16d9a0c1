package io.parley.widget;

import io.parley.workspace.WorkspaceId;

/**
 * A person chatting through a workspace's widget, as their visitor token names them. They
 * are not a member of the workspace: a visitor reaches only their own contact's
 * conversations.
 *
 * @param visitorId the widget's own random id for the browser, kept in the iframe's
 * storage from the first time the chat was opened
 * @param externalId the host site's id of its signed-in user once the widget proved it
 * with the identity hash, else {@code null}
 */
public record Visitor(WorkspaceId workspaceId, String visitorId, String externalId) {

	/** The longest visitor id a widget may choose, as contacts store it. */
	public static final int MAX_VISITOR_ID_LENGTH = 100;

	/** The longest host-site user id, as contacts store it. */
	public static final int MAX_EXTERNAL_ID_LENGTH = 255;

	/** Whether the host site vouched for who this is (identity verification). */
	public boolean verified() {
		return this.externalId != null;
	}

}
