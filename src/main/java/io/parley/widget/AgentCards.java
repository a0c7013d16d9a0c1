package io.parley.widget;

import io.parley.identity.UserId;
import io.parley.widget.CustomerView.AgentView;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * The agent a visitor is shown, over REST and on their socket: read when a visitor asks
 * for their conversation, joins it, or it changes hands, never per frame.
 */
@Component
public class AgentCards {

	private final MemberDirectory members;

	AgentCards(MemberDirectory members) {
		this.members = members;
	}

	/** The agent's card, or {@code null} for no agent (or one no longer a member). */
	public AgentView of(WorkspaceId workspace, UserId agent) {
		if (agent == null) {
			return null;
		}
		return this.members.find(workspace, agent).map(AgentCards::card).orElse(null);
	}

	private static AgentView card(Member member) {
		String name = (member.profile().displayName() != null) ? member.profile().displayName() : member.name();
		return new AgentView(name, member.profile().avatarUrl(), member.profile().availability().value());
	}

}
