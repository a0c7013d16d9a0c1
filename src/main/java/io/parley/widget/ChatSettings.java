package io.parley.widget;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A workspace's chat settings: how the widget looks and what it asks (seed 004), and what
 * the support bot may talk about and reply (seed 001). Every field has a default, so a
 * partial document is complete once read.
 *
 * @param domain the site the widget is embedded in, for example {@code acme.com}
 * @param botConfig free-form settings of the support bot, a JSON object
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatSettings(@Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9.-]*$") String domain,
		@Pattern(regexp = "^(light|dark)$") String theme, @Pattern(regexp = "^#[0-9a-fA-F]{6}$") String primaryColor,
		@Pattern(regexp = "^(bottom-right|bottom-left)$") String position, @Size(max = 500) String welcomeMessage,
		Boolean showAgentAvatar, Boolean collectEmail, Boolean collectName,
		@Size(max = 50) List<@NotBlank @Size(max = 100) String> allowedTopics,
		@Size(max = 50) List<@NotBlank @Size(max = 100) String> forbiddenTopics,
		@Size(max = 100) List<@NotNull @Valid CannedReply> cannedReplies, @Valid Branding branding,
		Map<String, Object> botConfig) {

	public static final ChatSettings DEFAULTS = new ChatSettings("", "light", "#2563eb", "bottom-right",
			"Hi! How can we help you today?", true, true, true, List.of(), List.of(), List.of(), new Branding("", ""),
			Map.of());

	/** These settings with every missing field taken from {@link #DEFAULTS}. */
	public ChatSettings complete() {
		return new ChatSettings(or(this.domain, DEFAULTS.domain), or(this.theme, DEFAULTS.theme),
				or(this.primaryColor, DEFAULTS.primaryColor), or(this.position, DEFAULTS.position),
				or(this.welcomeMessage, DEFAULTS.welcomeMessage), or(this.showAgentAvatar, DEFAULTS.showAgentAvatar),
				or(this.collectEmail, DEFAULTS.collectEmail), or(this.collectName, DEFAULTS.collectName),
				or(this.allowedTopics, DEFAULTS.allowedTopics), or(this.forbiddenTopics, DEFAULTS.forbiddenTopics),
				or(this.cannedReplies, DEFAULTS.cannedReplies), or(this.branding, DEFAULTS.branding),
				or(this.botConfig, DEFAULTS.botConfig));
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/** A prepared answer the team inserts with a click. */
	public record CannedReply(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 5000) String content) {
	}

	/** What the widget shows of the business. */
	public record Branding(@Size(max = 100) String name,
			@Size(max = 2000) @Pattern(regexp = "^(https?://.*)?$") String logoUrl) {
	}

}
