package io.parley.canned;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTests {

	private final Map<String, String> values = new HashMap<>(
			Map.of(Placeholders.CONTACT_NAME, "Ada", Placeholders.AGENT_NAME, "Alex"));

	@Test
	void knownPlaceholdersAreFilledWithOrWithoutSpacesInTheBraces() {
		assertThat(Placeholders.fill("Hi {{contact.name}}, {{ agent.name }} here", this.values))
			.isEqualTo("Hi Ada, Alex here");
	}

	@Test
	void anUnknownPlaceholderIsLeftAsWritten() {
		assertThat(Placeholders.fill("{{contact.phone}} {{ Contact.Name }} {{agent}} {{contact.name", this.values))
			.isEqualTo("{{contact.phone}} {{ Contact.Name }} {{agent}} {{contact.name");
	}

	@Test
	void aMissingValueRendersAsNothing() {
		this.values.put(Placeholders.CONTACT_EMAIL, null);

		assertThat(Placeholders.fill("<{{contact.email}}>", this.values)).isEqualTo("<>");
	}

	@Test
	void valuesAreTakenLiterallyAndNeverReadAgain() {
		this.values.put(Placeholders.CONTACT_NAME, "{{agent.name}} $1 \\ <b>");

		assertThat(Placeholders.fill("{{contact.name}}", this.values)).isEqualTo("{{agent.name}} $1 \\ <b>");
	}

}
