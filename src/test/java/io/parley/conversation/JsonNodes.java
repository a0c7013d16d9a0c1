package io.parley.conversation;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on lists of messages as the API answers them. */
final class JsonNodes {

	private JsonNodes() {
	}

	/** Asserts the messages say exactly these contents, in order. */
	static void assertContents(JsonNode items, String... contents) {
		List<String> actual = new ArrayList<>();
		items.forEach((item) -> actual.add(item.get("content").stringValue()));
		assertThat(actual).containsExactly(contents);
	}

	/** The messages' types, in order: text, note, system... */
	static List<String> types(Iterable<JsonNode> items) {
		List<String> types = new ArrayList<>();
		items.forEach((item) -> types.add(item.get("type").stringValue()));
		return types;
	}

}
