package io.parley.conversation;

import java.util.Map;

import io.parley.workspace.WorkspaceId;

/**
 * How the staff's messages of a conversation left Parley by a channel, implemented by the
 * channel's module (the email module for mailed replies), so the message views can show a
 * reply that was not delivered without this module knowing the channels.
 */
public interface MessageDeliveries {

	/**
	 * The delivery of each message of the conversation this channel carried, by sequence;
	 * messages it did not carry are absent.
	 */
	Map<Long, DeliveryState> of(WorkspaceId workspace, ConversationId conversation);

}
