package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.system.Timestamps;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.MembershipChanged;
import io.parley.workspace.Permission;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent who may no longer handle conversations (deactivated, removed, or given a role
 * without the permission) gives back the conversations assigned to them: they return to
 * the team unassigned, so no customer waits on someone who cannot answer. It happens in
 * the transaction of the membership change; the assignment history says who made the
 * change and why, and the staff's inboxes show the conversations anew.
 */
@Component
class AgentDeparture {

	private final MemberDirectory members;

	private final Conversations conversations;

	private final Clock clock;

	AgentDeparture(MemberDirectory members, Conversations conversations, Clock clock) {
		this.members = members;
		this.conversations = conversations;
		this.clock = clock;
	}

	@EventListener
	void on(MembershipChanged event) {
		Optional<Member> member = this.members.find(event.workspaceId(), event.userId());
		if (member.filter((present) -> present.can(Permission.HANDLE_CONVERSATIONS)).isPresent()) {
			return;
		}
		String reason = member.map(AgentDeparture::reason).orElse("agent removed from the workspace");
		Instant now = Timestamps.now(this.clock);
		for (Conversation conversation : this.conversations.lockAssignedTo(event.workspaceId(), event.userId())) {
			conversation.release(event.changedBy(), reason, now);
			this.conversations.save(conversation);
		}
	}

	private static String reason(Member member) {
		return member.active() ? "agent's role no longer handles conversations" : "agent deactivated";
	}

}
