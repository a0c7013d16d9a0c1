package io.parley.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A workspace's chat settings: how the widget looks, where it may be embedded and what it
 * asks (seed 004, issue 11), and what the support bot may talk about and reply (seed
 * 001). Every field has a default, so a partial document is complete once read. Seed
 * 004's older fields stay and follow the newer ones: {@code domain} is the first allowed
 * domain, {@code collectName}/{@code collectEmail} say whether the pre-chat form asks for
 * the name/email (see docs/api.md).
 *
 * @param domain seed 004's {@code chatDomain}: the site the widget is embedded in
 * @param allowedDomains the sites that may embed the widget ({@link AllowedOrigin});
 * none: every site may
 * @param botConfig free-form settings of the support bot, a JSON object
 * @param businessHours when the team answers; {@code null}: always
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatSettings(@Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9.-]*$") String domain,
		@Size(max = 50) List<@NotBlank @Size(max = AllowedOrigin.MAX_LENGTH) String> allowedDomains,
		@Pattern(regexp = "^(light|dark|auto)$") String theme,
		@Pattern(regexp = "^#[0-9a-fA-F]{6}$") String primaryColor,
		@Pattern(regexp = "^(bottom-right|bottom-left)$") String position, @Size(max = 100) String launcherTitle,
		@Size(max = 500) String welcomeMessage, Boolean showAgentAvatar, Boolean collectEmail, Boolean collectName,
		@Valid PreChat preChat, @Size(max = 1000) String offlineMessage, @Valid BusinessHours businessHours,
		Boolean identityRequired, @Size(max = 50) List<@NotBlank @Size(max = 100) String> allowedTopics,
		@Size(max = 50) List<@NotBlank @Size(max = 100) String> forbiddenTopics,
		@Size(max = 100) List<@NotNull @Valid CannedReply> cannedReplies, @Valid Branding branding,
		Map<String, Object> botConfig) {

	public static final ChatSettings DEFAULTS = new ChatSettings("", List.of(), "light", "#2563eb", "bottom-right",
			"Chat with us", "Hi! How can we help you today?", true, true, true,
			new PreChat(PreChat.OPTIONAL, PreChat.OPTIONAL, PreChat.OFF, List.of()),
			"We are away right now. Leave us a message and we will answer by email.", null, false, List.of(), List.of(),
			List.of(), new Branding("", ""), Map.of());

	/**
	 * These settings with every missing field taken from {@link #DEFAULTS}, and seed
	 * 004's older fields made to agree with the newer ones.
	 */
	public ChatSettings complete() {
		List<String> domains = (this.allowedDomains != null) ? this.allowedDomains
				: (this.domain != null && !this.domain.isBlank()) ? List.of(this.domain) : DEFAULTS.allowedDomains;
		boolean askName = or(this.collectName, DEFAULTS.collectName);
		boolean askEmail = or(this.collectEmail, DEFAULTS.collectEmail);
		PreChat form = (this.preChat != null) ? this.preChat : new PreChat(null, null, null, null);
		form = new PreChat(or(form.name(), askName ? PreChat.OPTIONAL : PreChat.OFF),
				or(form.email(), askEmail ? PreChat.OPTIONAL : PreChat.OFF), or(form.phone(), PreChat.OFF),
				or(form.custom(), List.of()));
		String first = domains.stream()
			.filter((entry) -> !entry.contains("://") && !entry.startsWith("*."))
			.findFirst()
			.orElse("");
		return new ChatSettings(first, List.copyOf(domains), or(this.theme, DEFAULTS.theme),
				or(this.primaryColor, DEFAULTS.primaryColor), or(this.position, DEFAULTS.position),
				or(this.launcherTitle, DEFAULTS.launcherTitle), or(this.welcomeMessage, DEFAULTS.welcomeMessage),
				or(this.showAgentAvatar, DEFAULTS.showAgentAvatar), !PreChat.OFF.equals(form.email()),
				!PreChat.OFF.equals(form.name()), form, or(this.offlineMessage, DEFAULTS.offlineMessage),
				this.businessHours, or(this.identityRequired, DEFAULTS.identityRequired),
				or(this.allowedTopics, DEFAULTS.allowedTopics), or(this.forbiddenTopics, DEFAULTS.forbiddenTopics),
				or(this.cannedReplies, DEFAULTS.cannedReplies), or(this.branding, DEFAULTS.branding),
				or(this.botConfig, DEFAULTS.botConfig));
	}

	/** The allowed domains as entries; a malformed one is left out. */
	public List<AllowedOrigin> origins() {
		List<AllowedOrigin> origins = new ArrayList<>();
		for (String entry : (this.allowedDomains != null) ? this.allowedDomains : List.<String>of()) {
			AllowedOrigin.parse(entry).ifPresent(origins::add);
		}
		return origins;
	}

	/** Whether the settings hold together beyond what each field's own rule checks. */
	boolean isConsistent() {
		if (this.allowedDomains != null
				&& this.allowedDomains.stream().anyMatch((entry) -> AllowedOrigin.parse(entry).isEmpty())) {
			return false;
		}
		if (this.preChat != null && this.preChat.custom() != null
				&& this.preChat.custom().stream().map(PreChat.CustomField::key).distinct().count() != this.preChat
					.custom()
					.size()) {
			return false;
		}
		return this.businessHours == null || this.businessHours.isConsistent();
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
