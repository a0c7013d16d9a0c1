package io.parley.canned;

import java.util.HashMap;
import java.util.Map;

import io.parley.contact.Contact;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Inbox;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.WorkspaceAccess;

import org.springframework.stereotype.Component;

/**
 * What the placeholders stand for in one conversation, for one caller: its contact, the
 * caller as the agent, and their workspace.
 */
@Component
class PlaceholderValues {

	private final Inbox inbox;

	private final MemberDirectory members;

	private final WorkspaceAccess workspaces;

	PlaceholderValues(Inbox inbox, MemberDirectory members, WorkspaceAccess workspaces) {
		this.inbox = inbox;
		this.members = members;
		this.workspaces = workspaces;
	}

	/**
	 * @throws ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND} also for a
	 * conversation of the workspace the caller may not see: a canned response tells
	 * nothing about conversations
	 */
	Map<String, String> of(Caller caller, String conversationId) {
		Contact contact = contactOf(caller,
				ConversationId.parse(conversationId).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception));
		Map<String, String> values = new HashMap<>();
		values.put(Placeholders.CONTACT_NAME, contact.name());
		values.put(Placeholders.CONTACT_EMAIL, contact.emailToShow());
		values.put(Placeholders.AGENT_NAME,
				this.members.find(caller.workspaceId(), caller.userId()).map(Member::name).orElse(null));
		values.put(Placeholders.WORKSPACE_NAME, this.workspaces.name(caller.workspaceId()));
		return values;
	}

	private Contact contactOf(Caller caller, ConversationId id) {
		try {
			return this.inbox.details(caller, id).contact();
		}
		catch (ParleyException ex) {
			if (ex.code() == ErrorCode.CONVERSATION_NOT_ACCESSIBLE) {
				throw ErrorCode.CONVERSATION_NOT_FOUND.exception();
			}
			throw ex;
		}
	}

}
