package io.parley.conversation;

import java.time.Instant;

import io.parley.workspace.WorkspaceId;

/**
 * Someone read a conversation up to {@code lastReadSequence}: the staff (a member who is
 * not its customer), or its contact. Published within the transaction that stored the
 * mark; the other side is shown a read receipt.
 *
 * @param reader {@link Author.Type#MEMBER} or {@link Author.Type#CONTACT}
 */
public record ConversationRead(ConversationId conversationId, WorkspaceId workspaceId, Author.Type reader,
		long lastReadSequence, Instant readAt) {
}
