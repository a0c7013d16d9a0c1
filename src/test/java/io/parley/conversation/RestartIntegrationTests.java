package io.parley.conversation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.parley.ParleyApplication;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Conversations;
import io.parley.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class RestartIntegrationTests {

	@Test
	void messagesAndTokensSurviveARestartOnTheSameDatabase() {
		Path data = TestDatabase.newDataDirectory();
		Team team;
		String id;
		JsonNode before;
		try (ConfigurableApplicationContext first = start(data)) {
			Api api = new Api(port(first));
			team = api.team();
			id = api.assignedConversation(team);
			Conversations.exchange(port(first), team, id, 5);
			before = api.get("/conversations/" + id, team.candidate().token()).data();
		}

		assertThat(data.resolve("jwt-secret")).exists();
		try (ConfigurableApplicationContext second = start(data)) {
			JsonNode after = new Api(port(second)).get("/conversations/" + id, team.candidate().token()).data();

			assertThat(after).isEqualTo(before);
			assertThat(after.get("status").stringValue()).isEqualTo("assigned");
			Conversations.assertMessages(after, 5);
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		for (String property : TestDatabase.properties(data)) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(ParleyApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
