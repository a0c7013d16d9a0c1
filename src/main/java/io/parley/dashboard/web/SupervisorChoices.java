package io.parley.dashboard.web;

import java.util.Comparator;
import java.util.List;

import io.parley.email.EmailInbox;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Component;

/**
 * Whom a mailbox's settings form offers as its default supervisor (decision 114): the
 * workspace's active members who may assign conversations, by name, each with their email
 * (two members may share a name).
 */
@Component
class SupervisorChoices {

	private final MemberDirectory members;

	SupervisorChoices(MemberDirectory members) {
		this.members = members;
	}

	List<Choice> of(Caller caller) {
		return this.members.members(caller.workspaceId())
			.stream()
			.filter((member) -> member.can(Permission.ASSIGN_CONVERSATION))
			.map((member) -> new Choice(member.userId().value().toString(),
					member.name() + " (" + member.email() + ")"))
			.sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The inbox's default supervisor as the form's select value: empty for nobody. */
	static String idOf(EmailInbox inbox) {
		return (inbox.defaultSupervisor() != null) ? inbox.defaultSupervisor().value().toString() : "";
	}

	record Choice(String id, String name) {
	}

}
