package io.parley.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines system messages say. */
class SystemLineTests {

	private final UserId ada = UserId.random();

	private final UserId grace = UserId.random();

	private final UserId alan = UserId.random();

	private final Function<UserId, String> names = Map.of(this.ada, "Ada Lovelace", this.grace, "Grace Hopper",
			this.alan, "Alan Turing")::get;

	@Test
	void anAssignmentNamesWhoGaveItToWhom() {
		assertThat(SystemLine.assigned(assigned(this.grace, null, this.ada, null), this.names))
			.isEqualTo("Ada Lovelace assigned this conversation to Grace Hopper");
		assertThat(SystemLine.assigned(assigned(this.alan, this.grace, this.ada, "speaks Spanish"), this.names))
			.isEqualTo("Ada Lovelace reassigned this conversation from Grace Hopper to Alan Turing (speaks Spanish)");
		assertThat(SystemLine.assigned(assigned(null, this.grace, this.ada, "agent deactivated"), this.names))
			.isEqualTo("Ada Lovelace unassigned Grace Hopper from this conversation (agent deactivated)");
		assertThat(SystemLine.assigned(assigned(this.grace, null, this.grace, null), this.names))
			.isEqualTo("Grace Hopper assigned this conversation to themselves");
	}

	@Test
	void aStatusChangeAndAClose() {
		ConversationId conversation = ConversationId.random();
		assertThat(SystemLine.statusChanged(new ConversationStatusChanged(UUID.randomUUID(), conversation,
				WorkspaceId.random(), ConversationStatus.OPEN, ConversationStatus.PENDING, this.ada), this.names))
			.isEqualTo("Ada Lovelace changed the status from open to pending");
		assertThat(SystemLine.closed(
				new ConversationClosed(UUID.randomUUID(), conversation, WorkspaceId.random(), this.ada, null),
				this.names))
			.isEqualTo("Ada Lovelace closed this conversation");
	}

	@Test
	void someoneWhoLeftIsAFormerMemberAndALongReasonIsCut() {
		String line = SystemLine.assigned(assigned(this.grace, null, UserId.random(), "x".repeat(6000)), this.names);

		assertThat(line).startsWith("A former member assigned this conversation to Grace Hopper (xxx");
		assertThat(line).hasSize(Message.MAX_LENGTH).endsWith("…");
	}

	private ConversationAssigned assigned(UserId agent, UserId previous, UserId by, String reason) {
		return new ConversationAssigned(UUID.randomUUID(), ConversationId.random(), WorkspaceId.random(), null, agent,
				previous, by, reason, Instant.now(), false);
	}

}
