package io.parley.dashboard.web;

import java.util.Arrays;
import java.util.List;

import io.parley.widget.ChatSettings;
import io.parley.widget.PreChat;

/**
 * The widget settings the dashboard edits, as its form sends them: the look, the texts,
 * where it may be embedded (one entry a line) and what the pre-chat form asks. Everything
 * else of the chat settings (business hours, topics, the bot, custom pre-chat fields) is
 * kept as it is when the form is saved.
 */
public record WidgetSettingsForm(String primaryColor, String theme, String position, String launcherTitle,
		String welcomeMessage, String offlineMessage, String allowedDomains, String preChatName, String preChatEmail,
		String preChatPhone) {

	public static final List<String> THEMES = List.of("light", "dark", "auto");

	public static final List<String> POSITIONS = List.of("bottom-right", "bottom-left");

	public static final List<String> PRE_CHAT_MODES = List.of(PreChat.OFF, PreChat.OPTIONAL, PreChat.REQUIRED);

	static WidgetSettingsForm of(ChatSettings settings) {
		return new WidgetSettingsForm(settings.primaryColor(), settings.theme(), settings.position(),
				settings.launcherTitle(), settings.welcomeMessage(), settings.offlineMessage(),
				String.join("\n", settings.allowedDomains()), settings.preChat().name(), settings.preChat().email(),
				settings.preChat().phone());
	}

	/**
	 * The current settings with this form's fields instead; {@code collectName} and
	 * {@code collectEmail} follow the pre-chat form.
	 */
	ChatSettings applyTo(ChatSettings current) {
		PreChat preChat = new PreChat(this.preChatName, this.preChatEmail, this.preChatPhone,
				current.preChat().custom());
		return new ChatSettings(null, domains(), this.theme, this.primaryColor, this.position, this.launcherTitle,
				this.welcomeMessage, current.showAgentAvatar(), null, null, preChat, this.offlineMessage,
				current.businessHours(), current.identityRequired(), current.allowedTopics(), current.forbiddenTopics(),
				current.cannedReplies(), current.branding(), current.botConfig());
	}

	/**
	 * The form's field a refused value of the chat settings came from:
	 * {@code allowedDomains[2].<list element>} is {@code allowedDomains},
	 * {@code preChat.email} is {@code preChatEmail}.
	 */
	static String fieldOf(String propertyPath) {
		String[] parts = propertyPath.split("[.\\[]", 3);
		if (parts[0].equals("preChat") && parts.length > 1 && !parts[1].isEmpty()) {
			return "preChat" + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
		}
		return parts[0];
	}

	/** For the template: the pre-chat form's three fields and what each asks. */
	public List<PreChatChoice> preChatFields() {
		return List.of(new PreChatChoice("Name", this.preChatName), new PreChatChoice("Email", this.preChatEmail),
				new PreChatChoice("Phone", this.preChatPhone));
	}

	private List<String> domains() {
		if (this.allowedDomains == null) {
			return List.of();
		}
		return Arrays.stream(this.allowedDomains.split("[\\r\\n,]+"))
			.map(String::strip)
			.filter((d) -> !d.isEmpty())
			.toList();
	}

	/**
	 * A field of the pre-chat form ({@code Name}, {@code Email}, {@code Phone}) and its
	 * mode.
	 */
	public record PreChatChoice(String field, String mode) {
	}

}
