package io.parley.conversation;

import java.time.Clock;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two conversations of a contact (issue 12, decision 84): one is closed with a
 * pointer to the other, whose history then reads both.
 */
@Service
public class ConversationMerges {

	private final Conversations conversations;

	private final Clock clock;

	ConversationMerges(Conversations conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * Merges {@code source} into {@code target}, both locked in id order so that two
	 * merges of the same pair cannot deadlock or both succeed.
	 * @return the target, as it is now
	 */
	@Transactional
	public Conversation merge(Caller caller, ConversationId target, ConversationId source) {
		if (target.equals(source)) {
			this.conversations.find(caller.workspaceId(), target)
				.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
			throw ErrorCode.MERGE_INTO_ITSELF.exception();
		}
		List<Conversation> locked = this.conversations.lockAll(List.of(target, source))
			.stream()
			.filter((found) -> found.workspaceId().equals(caller.workspaceId()))
			.toList();
		Conversation into = pick(locked, target);
		Conversation merged = pick(locked, source);
		if (!merged.isVisibleTo(caller) || !into.isVisibleTo(caller)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		// what the two are is told to whoever sees both, before whether they may merge
		// them
		merged.requireMergeableInto(into);
		if (!ConversationAccess.mayMerge(caller, merged, into)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		merged.mergeInto(into, caller.userId(), Timestamps.now(this.clock));
		this.conversations.save(merged);
		this.conversations.save(into);
		return into;
	}

	private static Conversation pick(List<Conversation> locked, ConversationId id) {
		return locked.stream()
			.filter((found) -> found.id().equals(id))
			.findFirst()
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

}
