package io.parley.conversation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberDirectory;

import org.springframework.stereotype.Component;

/**
 * Checks whom a message mentions before it goes to its writer: only an internal note
 * mentions, and only active members of the workspace who read the conversation's notes. A
 * message that mentions no one is not looked at (decision 86).
 */
@Component
class Mentions {

	private final Conversations conversations;

	private final MemberDirectory members;

	Mentions(Conversations conversations, MemberDirectory members) {
		this.conversations = conversations;
		this.members = members;
	}

	/**
	 * The members mentioned, each once, in the order given; empty for none.
	 * @param requested the raw user ids of the request, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#MENTIONS_ONLY_IN_NOTES}
	 * for mentions on another type, {@link ErrorCode#MENTIONED_MEMBER_NOT_FOUND} for an
	 * id that names no such member, and the writer's own refusal when the sender may not
	 * write a note here
	 */
	List<UserId> check(Caller sender, ConversationId id, MessageType type, List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			return List.of();
		}
		if (type != MessageType.NOTE) {
			throw ErrorCode.MENTIONS_ONLY_IN_NOTES.exception();
		}
		if (requested.size() > Message.MAX_MENTIONS) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Conversation conversation = this.conversations.find(sender.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		// the writer would refuse the note anyway; refused first, so that someone who may
		// not write here cannot learn who the members are
		if (!ConversationAccess.mayWrite(sender, null, MessageType.NOTE, conversation)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Set<UserId> mentioned = new LinkedHashSet<>();
		for (String raw : requested) {
			UserId user = UserId.parse(raw)
				.filter((parsed) -> parsed.toString().equals(raw))
				.orElseThrow(ErrorCode.MENTIONED_MEMBER_NOT_FOUND::exception);
			boolean reads = this.members.activeCaller(sender.workspaceId(), user)
				.filter((member) -> conversation.isVisibleTo(member) && conversation.showsNotesTo(member))
				.isPresent();
			if (!reads) {
				throw ErrorCode.MENTIONED_MEMBER_NOT_FOUND.exception();
			}
			mentioned.add(user);
		}
		return List.copyOf(mentioned);
	}

}
