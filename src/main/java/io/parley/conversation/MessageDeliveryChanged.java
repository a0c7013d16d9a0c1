package io.parley.conversation;

import io.parley.workspace.WorkspaceId;

/**
 * What became of a staff message that a channel carries beyond Parley changed: a mailed
 * reply was queued (again), handed to the customer's server, given up after the last try,
 * or bounced. Published by the channel's module ({@link MessageDeliveries}) with the
 * change, in its transaction when it has one, so that the staff's pages show it live.
 */
public record MessageDeliveryChanged(WorkspaceId workspaceId, ConversationId conversationId, long sequence,
		DeliveryState delivery) {
}
