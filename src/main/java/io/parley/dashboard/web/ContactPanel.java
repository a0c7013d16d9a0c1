package io.parley.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parley.contact.Contact;
import io.parley.contact.ContactNotebook;
import io.parley.conversation.Conversation;
import io.parley.conversation.Rating;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contact beside a conversation: who they are, what the widget's page told about
 * them, their other conversations, the team's notes on them, and the conversation's
 * rating. Every value is text for the template to escape.
 */
public record ContactPanel(String id, String phone, List<Map.Entry<String, String>> attributes,
		List<PastConversation> conversations, List<NoteRow> notes, boolean mayWriteNotes, Integer ratingScore,
		String ratingComment) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_ATTRIBUTES = 30;

	static ContactPanel of(Contact contact, List<PastConversation> conversations, List<ContactNotebook.Entry> notes,
			boolean mayWriteNotes, Rating rating, String conversationAttributes) {
		List<Map.Entry<String, String>> attributes = new ArrayList<>();
		read(contact.attributes(), attributes);
		read(conversationAttributes, attributes);
		return new ContactPanel(contact.id().toString(), (contact.phone() != null) ? contact.phone() : "", attributes,
				conversations,
				notes.stream()
					.map((entry) -> new NoteRow(entry.authorName(), entry.note().content(),
							entry.note().createdAt().toString()))
					.toList(),
				mayWriteNotes, (rating != null) ? rating.score() : null, (rating != null) ? rating.comment() : null);
	}

	/**
	 * The scalar fields of a JSON object, as text, in their order; nested ones by path.
	 */
	private static void read(String json, List<Map.Entry<String, String>> into) {
		if (json == null || json.isBlank()) {
			return;
		}
		try {
			flatten("", JSON.readTree(json), into);
		}
		catch (RuntimeException ex) {
			// attributes are shown when they can be read; a malformed value hides none of
			// the page
		}
	}

	private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> into) {
		if (into.size() >= MAX_ATTRIBUTES) {
			return;
		}
		if (node.isObject()) {
			node.properties()
				.forEach((field) -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
						field.getValue(), into));
		}
		else if (!node.isNull() && !node.isArray()) {
			into.add(Map.entry(prefix, node.asString()));
		}
	}

	/** Another conversation of the contact. */
	public record PastConversation(String id, String subject, String status, String createdAt) {

		static PastConversation of(Conversation conversation) {
			return new PastConversation(conversation.id().toString(),
					(conversation.context().subject() != null) ? conversation.context().subject() : "",
					conversation.status().name().toLowerCase(Locale.ROOT), conversation.createdAt().toString());
		}

	}

	/** A note of the team's on the contact. */
	public record NoteRow(String author, String content, String createdAt) {
	}

}
