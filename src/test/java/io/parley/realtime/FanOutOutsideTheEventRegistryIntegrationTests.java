package io.parley.realtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationClosed;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Conversations;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.workspace.InvitationId;
import io.parley.workspace.InvitationIssued;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket fan-out never touches the event publication registry: no row, and no update
 * of one, per message (decision 35). A reaction between modules does.
 */
@ParleyIntegrationTest
@Import(FanOutOutsideTheEventRegistryIntegrationTests.RecordedRegistry.class)
class FanOutOutsideTheEventRegistryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aMessageSentInAConversationCreatesNoEventPublication() throws InterruptedException {
		Api api = new Api(this.port);
		Team team = api.team();
		String conversation = api.assignedConversation(team);

		Conversations.exchange(this.port, team, conversation, 3);
		api.post("/conversations/" + conversation + "/close", team.agent().token(), Map.of());

		// the assignment and the close are recorded for their system messages when those
		// are on (decision 44), once per change, never per message
		assertThat(RecordedRegistry.EVENTS).as("events the registry was told of")
			.filteredOn((event) -> !(event instanceof InvitationIssued || event instanceof ConversationAssigned
					|| event instanceof ConversationClosed))
			.isEmpty();
		Eventually.until("no publication is left",
				() -> this.jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single() == 0);
	}

	@Test
	void anEventForAModuleListenerIsRecordedAndDeletedOnceHandled() {
		InvitationIssued issued = new InvitationIssued(new InvitationId(UUID.randomUUID()), WorkspaceId.random());

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(issued));

		Eventually.until("the registry stored and completed the event",
				() -> RecordedRegistry.EVENTS.stream().filter(issued::equals).count() >= 2);
		Eventually.until("the publication is deleted",
				() -> this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
					.param("%" + issued.invitationId() + "%")
					.query(Long.class)
					.single() == 0);
	}

	/** Records every event the registry is asked to store or mark, then passes it on. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedRegistry {

		static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

		@Bean
		static BeanPostProcessor recordingRegistry() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof EventPublicationRegistry)) {
						return bean;
					}
					return Proxy.newProxyInstance(RecordedRegistry.class.getClassLoader(),
							ClassUtils.getAllInterfaces(bean), (proxy, method, arguments) -> {
								// what it is told of events; not the staleness monitor's
								// sweeps
								if (method.getName().equals("store") || (method.getName().startsWith("mark")
										&& !method.getName().contains("Stale"))) {
									EVENTS.add(arguments[0]);
								}
								try {
									return method.invoke(bean, arguments);
								}
								catch (InvocationTargetException ex) {
									throw ex.getTargetException();
								}
							});
				}
			};
		}

	}

}
