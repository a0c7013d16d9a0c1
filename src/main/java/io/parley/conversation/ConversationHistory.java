package io.parley.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's history of a conversation with the conversations merged into it, their
 * messages interleaved by time (decision 85). No message is renumbered: each keeps its
 * conversation and position, and the read only puts them in one order.
 */
@Service
public class ConversationHistory {

	private final Conversations conversations;

	private final Messages messages;

	ConversationHistory(Conversations conversations, Messages messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	/**
	 * The newest messages, or those before {@code before}, in order, for whoever sees the
	 * conversation; internal notes as the conversation shows them to the reader. A
	 * conversation nothing was merged into reads as its messages do.
	 * @param before a cursor of a page before, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor that is none
	 */
	@Transactional(readOnly = true)
	public HistoryPage page(Caller reader, ConversationId id, String before, int limit) {
		Conversation conversation = this.conversations.find(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		HistoryCursor cursor = (before != null)
				? HistoryCursor.parse(before).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception) : null;
		boolean notes = conversation.showsNotesTo(reader);
		List<ConversationId> merged = this.conversations.mergedInto(reader.workspaceId(), id);
		List<Message> found;
		if (merged.isEmpty()) {
			// its own messages, by the index of their positions
			Position from = (cursor == null) ? Position.END
					: cursor.conversation().equals(id) ? cursor.position() : new Position(0, 0);
			found = this.messages.before(id, from, limit + 1, notes);
		}
		else {
			List<ConversationId> all = new ArrayList<>(merged.size() + 1);
			all.add(id);
			all.addAll(merged);
			found = this.messages.history(all, cursor, limit + 1, notes);
		}
		boolean more = found.size() > limit;
		List<Message> page = new ArrayList<>(more ? found.subList(0, limit) : found);
		Collections.reverse(page);
		return new HistoryPage(page, more ? HistoryCursor.of(page.get(0)).encode() : null, merged);
	}

	/**
	 * Messages in order, oldest first.
	 *
	 * @param nextCursor the cursor of the page before, or {@code null} at the beginning
	 * @param merged the conversations merged into this one, whose messages it shows
	 */
	public record HistoryPage(List<Message> messages, String nextCursor, List<ConversationId> merged) {
	}

}
