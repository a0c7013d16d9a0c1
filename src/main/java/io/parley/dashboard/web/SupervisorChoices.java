package io.parley.dashboard.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.parley.email.EmailInbox;
import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whom a mailbox's settings form offers as its default supervisor (decision 114): the
 * workspace's active members who may assign conversations, by name, each with their email
 * (two members may share a name); and the mailbox's stored choice when it went stale, so
 * a save keeps it rather than clearing it unseen.
 */
@Component
class SupervisorChoices {

	private final MemberDirectory members;

	SupervisorChoices(MemberDirectory members) {
		this.members = members;
	}

	List<Choice> of(Caller caller, @Nullable UserId current) {
		List<Choice> choices = new ArrayList<>(this.members.members(caller.workspaceId())
			.stream()
			.filter((member) -> member.can(Permission.ASSIGN_CONVERSATION))
			.map((member) -> new Choice(member.userId().value().toString(), label(member), false))
			.sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		if (current != null && choices.stream().noneMatch((choice) -> choice.id().equals(current.value().toString()))) {
			String name = this.members.find(caller.workspaceId(), current).map(SupervisorChoices::label).orElse("—");
			choices.add(new Choice(current.value().toString(), name, true));
		}
		return choices;
	}

	/** The inbox's default supervisor as the form's select value: empty for nobody. */
	static String idOf(EmailInbox inbox) {
		return (inbox.defaultSupervisor() != null) ? inbox.defaultSupervisor().value().toString() : "";
	}

	private static String label(Member member) {
		return member.name() + " (" + member.email() + ")";
	}

	/**
	 * @param stale whether it is the stored choice of one who may no longer assign
	 */
	record Choice(String id, String name, boolean stale) {
	}

}
