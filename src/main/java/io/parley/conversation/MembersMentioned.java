package io.parley.conversation;

import java.time.Instant;
import java.util.List;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * An internal note mentioning members was committed. Published in the writer's
 * transaction, so through the event publication registry: only a note that mentions
 * someone publishes it (decision 86).
 *
 * @param sequence the note's position: the sequence it follows
 * @param note the note's number
 * @param authorId the member who wrote it
 * @param mentioned the members it mentions, in order, each once
 * @param excerpt the start of the note ({@link Message#excerpt()})
 */
public record MembersMentioned(WorkspaceId workspaceId, ConversationId conversationId, long sequence, long note,
		UserId authorId, List<UserId> mentioned, String excerpt, Instant at) {

	public MembersMentioned {
		mentioned = List.copyOf(mentioned);
	}

}
