package io.parley.dashboard.web;

import java.util.List;
import java.util.Map;

import io.parley.canned.CannedResponses;
import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reply box's {@code /} menu: the canned responses matching what follows the slash,
 * and one of them filled in for the conversation ({@code {{contact.name}}}, ...). JSON,
 * as the script puts the texts into the page with {@code textContent}.
 */
@RestController
class CannedPickerController {

	static final int MENU = 8;

	private final CannedResponses canned;

	CannedPickerController(CannedResponses canned) {
		this.canned = canned;
	}

	@GetMapping(path = "/app/canned-responses/menu", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Choice> menu(Caller caller, @RequestParam(required = false) @Nullable String q) {
		String query = (q != null && q.length() <= 100) ? q : "";
		return this.canned.list(caller, query, null, MENU)
			.items()
			.stream()
			.map((response) -> new Choice(response.id().toString(), response.shortcut(), response.title(),
					response.isShared()))
			.toList();
	}

	@PostMapping(path = "/app/canned-responses/{id}/render", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> render(Caller caller, @PathVariable String id,
			@RequestParam(defaultValue = "") String conversationId) {
		return Map.of("body", this.canned.render(caller, id, conversationId));
	}

	record Choice(String id, String shortcut, String title, boolean shared) {
	}

}
