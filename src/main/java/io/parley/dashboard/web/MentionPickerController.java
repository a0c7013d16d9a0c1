package io.parley.dashboard.web;

import java.util.List;
import java.util.Locale;

import io.parley.workspace.Caller;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The note box's {@code @} menu: the workspace's active members who read notes, by a part
 * of their name. Whether one may be mentioned in a given conversation is checked when the
 * note is sent (decision 86).
 */
@RestController
class MentionPickerController {

	static final int MENU = 8;

	private final MemberDirectory members;

	MentionPickerController(MemberDirectory members) {
		this.members = members;
	}

	@GetMapping(path = "/app/members/mentionable", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Choice> menu(Caller caller, @RequestParam(required = false) @Nullable String q) {
		if (!caller.can(Permission.WRITE_NOTES)) {
			return List.of();
		}
		String part = (q != null) ? q.toLowerCase(Locale.ROOT) : "";
		return this.members.members(caller.workspaceId())
			.stream()
			.filter((member) -> member.can(Permission.WRITE_NOTES) && !member.userId().equals(caller.userId()))
			.filter((member) -> member.name().toLowerCase(Locale.ROOT).contains(part))
			.limit(MENU)
			.map((member) -> new Choice(member.userId().value().toString(), member.name()))
			.toList();
	}

	record Choice(String id, String name) {
	}

}
