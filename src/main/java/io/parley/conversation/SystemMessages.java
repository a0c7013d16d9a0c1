package io.parley.conversation;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Writes what happened to a conversation into its transcript, as a system message from
 * Parley that only the staff see (decision 44): assignments, status changes, closing,
 * merging. Each runs once its change is committed, through the event publication
 * registry, so a crash or a busy writer delays the line and never loses it; outside any
 * transaction, since the writer commits on its own. The message's client id is derived
 * from the event's, so a publication run again stores nothing twice.
 * <p>
 * On unless {@code PARLEY_SYSTEM_MESSAGES=false}.
 */
@Component
@ConditionalOnBooleanProperty("parley.system-messages.enabled")
class SystemMessages {

	private static final Logger log = LoggerFactory.getLogger(SystemMessages.class);

	/** Refusals that a later attempt would meet again: the line is given up. */
	private static final Set<ErrorCode> FINAL = EnumSet.of(ErrorCode.CONVERSATION_NOT_FOUND,
			ErrorCode.CONVERSATION_NOT_ACCESSIBLE, ErrorCode.INVALID_REQUEST_SCHEMA, ErrorCode.CLIENT_MESSAGE_ID_TAKEN);

	private final MessageLog messages;

	private final MemberDirectory members;

	SystemMessages(MessageLog messages, MemberDirectory members) {
		this.messages = messages;
		this.members = members;
	}

	/**
	 * The ids name the listeners in the event publication table: renaming code keeps
	 * them.
	 */
	@ApplicationModuleListener(id = "system-message-assigned", propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationAssigned event) {
		// given again to the agent who has it: nothing changed hands, nothing to tell
		if (!event.again()) {
			write(event.workspaceId(), event.conversationId(), "assigned", event.id(),
					SystemLine.assigned(event, names(event.workspaceId())));
		}
	}

	@ApplicationModuleListener(id = "system-message-status", propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationStatusChanged event) {
		write(event.workspaceId(), event.conversationId(), "status", event.id(),
				SystemLine.statusChanged(event, names(event.workspaceId())));
	}

	@ApplicationModuleListener(id = "system-message-closed", propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationClosed event) {
		write(event.workspaceId(), event.conversationId(), "closed", event.id(),
				SystemLine.closed(event, names(event.workspaceId())));
	}

	/** A line in each: the merged conversation points at the other, which tells of it. */
	@ApplicationModuleListener(id = "system-message-merged", propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationMerged event) {
		Function<UserId, String> names = names(event.workspaceId());
		write(event.workspaceId(), event.conversationId(), "merged", event.id(), SystemLine.merged(event, names));
		write(event.workspaceId(), event.intoId(), "merged-here", event.id(), SystemLine.mergedHere(event, names));
	}

	/** The client id of the system message an event writes. */
	static String clientMessageId(String kind, UUID event) {
		return "system:" + kind + ":" + event;
	}

	private void write(WorkspaceId workspace, ConversationId conversation, String kind, UUID event, String content) {
		try {
			this.messages.postAs(Author.Parley.INSTANCE, workspace, conversation, MessageType.SYSTEM, content,
					clientMessageId(kind, event));
		}
		catch (ParleyException ex) {
			if (!FINAL.contains(ex.code())) {
				// busy or failed: the publication stays and is run again
				throw ex;
			}
			log.warn("The {} line of conversation {} is not written: {}", kind, conversation, ex.getMessage());
		}
	}

	private Function<UserId, String> names(WorkspaceId workspace) {
		return (user) -> this.members.find(workspace, user).map(MessageLog::displayName).orElse(null);
	}

}
