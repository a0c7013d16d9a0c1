package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff sorts its work: the status, priority and tags of a conversation it can see.
 */
@Service
public class Triage {

	public static final int MAX_TAGS = 20;

	public static final int MAX_TAG_LENGTH = 50;

	private final Conversations conversations;

	private final ConversationTags tags;

	private final Clock clock;

	Triage(Conversations conversations, ConversationTags tags, Clock clock) {
		this.conversations = conversations;
		this.tags = tags;
		this.clock = clock;
	}

	/**
	 * Applies the changes given; {@code null} leaves a part as it is. Tags replace the
	 * conversation's tags, trimmed and in lower case.
	 */
	@Transactional
	public Conversation update(Caller caller, ConversationId id, ConversationStatus status, Priority priority,
			List<String> newTags) {
		Conversation conversation = this.conversations.lock(caller.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(caller)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Set<String> normalized = (newTags != null) ? normalize(newTags) : null;
		Instant now = Timestamps.now(this.clock);
		if (priority != null) {
			conversation.prioritize(priority, now);
		}
		if (status == ConversationStatus.CLOSED && conversation.isActive() && !conversation.mayClose(caller)) {
			throw ErrorCode.FORBIDDEN.exception();
		}
		if (status != null) {
			conversation.changeStatus(status, caller.userId(), now);
		}
		if (normalized != null) {
			conversation.touch(now);
			this.tags.replace(id, normalized);
		}
		this.conversations.save(conversation);
		return conversation;
	}

	static Set<String> normalize(List<String> tags) {
		if (tags.size() > MAX_TAGS) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (String tag : tags) {
			String value = (tag != null) ? tag.trim().toLowerCase(Locale.ROOT) : "";
			if (value.isEmpty() || value.length() > MAX_TAG_LENGTH) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			normalized.add(value);
		}
		return normalized;
	}

}
