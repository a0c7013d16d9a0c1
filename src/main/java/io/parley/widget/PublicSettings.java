package io.parley.widget;

import java.time.Clock;
import java.util.Map;

import io.parley.workspace.MemberDirectory;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * What any page with the widget key may read of a workspace's widget
 * ({@code GET /api/widget/config}): how it looks, what it asks, whether the team answers
 * now, and its texts. Never the allowed domains, the identity secret or the bot's
 * settings.
 */
@Service
public class PublicSettings {

	private final ChatSettingsStore settings;

	private final MemberDirectory members;

	private final WidgetTexts texts;

	private final Clock clock;

	PublicSettings(ChatSettingsStore settings, MemberDirectory members, WidgetTexts texts, Clock clock) {
		this.settings = settings;
		this.members = members;
		this.texts = texts;
		this.clock = clock;
	}

	public Config of(WorkspaceId workspace, String locale) {
		ChatSettings chat = this.settings.of(workspace);
		String name = this.settings.workspaceName(workspace);
		return new Config(name, chat.theme(), chat.primaryColor(), chat.position(), chat.launcherTitle(),
				chat.welcomeMessage(), chat.showAgentAvatar(), chat.preChat(), chat.offlineMessage(),
				isOnline(workspace, chat), chat.identityRequired(), this.texts.of(locale));
	}

	/**
	 * Whether the team answers now: within the business hours (always, when there are
	 * none) and with at least one member who handles conversations online.
	 */
	public boolean isOnline(WorkspaceId workspace, ChatSettings chat) {
		if (chat.businessHours() != null && !chat.businessHours().isOpenAt(this.clock.instant())) {
			return false;
		}
		return this.members.anyoneAnswering(workspace);
	}

	/** The contract's widget configuration. */
	public record Config(String workspaceName, String theme, String primaryColor, String position, String launcherTitle,
			String welcomeMessage, boolean showAgentAvatars, PreChat preChat, String offlineMessage, boolean online,
			boolean identityRequired, Map<String, String> messages) {
	}

}
