package io.parley.dashboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.parley.contact.Contact;
import io.parley.conversation.Conversation;
import io.parley.conversation.Inbox;
import io.parley.conversation.ReadState;
import io.parley.workspace.Member;
import io.parley.workspace.Permission;

/**
 * What the conversation page shows beside the messages: the conversation's state and its
 * contact; the agents it may be assigned to (for those who may assign).
 */
public record ConversationHeader(String id, String subject, String status, String priority, String channel,
		boolean active, String agentId, String agentName, String contactName, String contactEmail, String pageUrl,
		List<String> tags, long lastSequence, long lastNote, List<AgentChoice> agents, long customerRead,
		ContactPanel panel, String snoozedUntil, String mergedInto, List<MergeChoice> mergeChoices) {

	static ConversationHeader of(Inbox.Details details, List<Member> members, boolean mayAssign, ContactPanel panel,
			Instant snoozedUntil, List<MergeChoice> mergeChoices) {
		Conversation conversation = details.conversation();
		Contact contact = details.contact();
		String agentId = (conversation.agentId() != null) ? conversation.agentId().value().toString() : null;
		String agentName = members.stream()
			.filter((member) -> member.userId().equals(conversation.agentId()))
			.map(Member::name)
			.findFirst()
			.orElse(null);
		List<AgentChoice> agents = mayAssign ? members.stream()
			.filter(Member::active)
			.filter((member) -> member.can(Permission.HANDLE_CONVERSATIONS))
			.map((member) -> new AgentChoice(member.userId().value().toString(), member.name(),
					member.userId().equals(conversation.agentId())))
			.toList() : List.of();
		return new ConversationHeader(conversation.id().toString(),
				(conversation.context().subject() != null) ? conversation.context().subject() : "",
				lower(conversation.status().name()), lower(conversation.priority().name()),
				lower(conversation.channel().name()), conversation.isActive(), agentId, agentName,
				(contact != null && contact.name() != null) ? contact.name() : "",
				(contact != null && contact.email() != null) ? contact.email() : "", conversation.context().pageUrl(),
				details.tags(), conversation.lastSequence(), conversation.lastNote(), agents,
				customerRead(details, members), panel, (snoozedUntil != null) ? snoozedUntil.toString() : null,
				(conversation.mergedInto() != null) ? conversation.mergedInto().toString() : null, mergeChoices);
	}

	/** How far the customer read: the read mark of the one reader who is no member. */
	private static long customerRead(Inbox.Details details, List<Member> members) {
		return details.reads()
			.stream()
			.filter((read) -> members.stream().noneMatch((member) -> member.userId().equals(read.readerId())))
			.mapToLong(ReadState::lastReadSequence)
			.max()
			.orElse(0);
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Another active conversation of the contact that may be merged into this one, by its
	 * subject (or none), when it began and the start of its id.
	 */
	public record MergeChoice(String id, String subject, String createdAt, String label) {

		/** Minutes are enough to tell a contact's conversations apart. */
		private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC);

		static MergeChoice of(Conversation conversation) {
			String id = conversation.id().toString();
			return new MergeChoice(id,
					(conversation.context().subject() != null) ? conversation.context().subject() : "",
					STARTED.format(conversation.createdAt()), "#" + id.substring(0, 8));
		}

	}

	/** An agent in the assign menu. */
	public record AgentChoice(String id, String name, boolean current) {
	}

}
