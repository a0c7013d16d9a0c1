package io.parley.widget.web;

import java.util.Map;

import io.parley.system.ApiResponse;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorConversations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A visitor's own conversations, {@code /api/widget/conversations}, in the customer view.
 * Declaring the {@link Visitor} checks the visitor token and the request's origin.
 */
@RestController
@RequestMapping(path = "/api/widget/conversations", produces = "application/json")
class VisitorConversationController {

	private final VisitorConversations conversations;

	VisitorConversationController(VisitorConversations conversations) {
		this.conversations = conversations;
	}

	@GetMapping
	ApiResponse list(Visitor visitor) {
		return ApiResponse.ok(Map.of("items", this.conversations.of(visitor)));
	}

	@GetMapping("/{id}")
	ApiResponse get(Visitor visitor, @PathVariable String id) {
		return ApiResponse.ok(this.conversations.find(visitor, id));
	}

}
