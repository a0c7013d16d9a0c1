package io.parley.realtime;

import io.parley.identity.UserId;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Looks up the agent a visitor is shown: read when a visitor joins and when the
 * conversation changes hands, never per frame.
 */
@Component
class AgentCards {

	private final MemberDirectory members;

	AgentCards(MemberDirectory members) {
		this.members = members;
	}

	/** The agent's card, or {@code null} for no agent (or one no longer a member). */
	AgentCard of(WorkspaceId workspace, UserId agent) {
		if (agent == null) {
			return null;
		}
		return this.members.find(workspace, agent).map(AgentCards::card).orElse(null);
	}

	private static AgentCard card(Member member) {
		String name = (member.profile().displayName() != null) ? member.profile().displayName() : member.name();
		return new AgentCard(name, member.profile().avatarUrl(), member.profile().availability().value());
	}

}
