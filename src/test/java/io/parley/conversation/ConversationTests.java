package io.parley.conversation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.system.ParleyException;
import io.parley.workspace.AgentProfile;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberRole;
import io.parley.workspace.Role;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversation aggregate on its own: its lifecycle, numbering and events. */
class ConversationTests {

	private final WorkspaceId workspace = WorkspaceId.random();

	private final UserId candidate = UserId.random();

	private final UserId supervisor = UserId.random();

	private final ContactId contact = ContactId.random();

	private final Instant now = Instant.parse("2026-03-11T10:30:00Z");

	@Test
	void aNewConversationIsOpenAndAnnouncedOnceAsOpened() {
		Conversation conversation = start();

		assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
		List<Object> events = conversation.releaseEvents();
		assertThat(events).singleElement().isInstanceOf(ConversationOpened.class);
		assertThat(conversation.releaseEvents()).isEmpty();
	}

	@Test
	void assigningRecordsWhoGotItAndTheAgentsFirstJoinStartsTheHandling() {
		Conversation conversation = started();
		Member agent = agent();

		conversation.assignTo(agent, this.supervisor, "speaks Spanish", this.now);
		List<Object> events = conversation.releaseEvents();

		assertThat(events).hasSize(2);
		ConversationAssigned assigned = (ConversationAssigned) events.get(0);
		assertThat(assigned.agentId()).isEqualTo(agent.userId());
		assertThat(assigned.reason()).isEqualTo("speaks Spanish");
		assertThat(events.get(1)).isInstanceOf(ConversationChanged.class);

		conversation.admit(caller(agent.userId(), Role.AGENT), this.now);
		assertThat(conversation.status()).isEqualTo(ConversationStatus.ASSIGNED);
	}

	@Test
	void theResolutionClockStopsAtTheLastResolutionAndClosingAResolvedOneKeepsIt() {
		Conversation conversation = started();
		Instant resolved = this.now.plusSeconds(600);
		assertThat(conversation.resolvedAt()).isNull();

		conversation.changeStatus(ConversationStatus.RESOLVED, this.supervisor, resolved);
		assertThat(conversation.resolvedAt()).isEqualTo(resolved);

		conversation.append(customer(), MessageType.TEXT, "Broken again", null, resolved.plusSeconds(60));
		assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
		assertThat(conversation.resolvedAt()).as("reopened by the customer").isNull();

		Instant again = resolved.plusSeconds(3600);
		conversation.changeStatus(ConversationStatus.RESOLVED, this.supervisor, again);
		conversation.changeStatus(ConversationStatus.CLOSED, this.supervisor, again.plusSeconds(3600));
		assertThat(conversation.resolvedAt()).as("closing a resolved conversation").isEqualTo(again);
	}

	@Test
	void closingAnUnresolvedConversationStopsTheResolutionClockAndOtherStatusesDoNot() {
		Conversation conversation = started();
		conversation.changeStatus(ConversationStatus.PENDING, this.supervisor, this.now.plusSeconds(60));
		conversation.changeStatus(ConversationStatus.WAITING, this.supervisor, this.now.plusSeconds(120));
		assertThat(conversation.resolvedAt()).isNull();

		conversation.changeStatus(ConversationStatus.CLOSED, this.supervisor, this.now.plusSeconds(180));
		assertThat(conversation.resolvedAt()).isEqualTo(this.now.plusSeconds(180));
	}

	@Test
	void aResolutionTheStaffUndoStopsCounting() {
		Conversation conversation = started();
		conversation.changeStatus(ConversationStatus.RESOLVED, this.supervisor, this.now.plusSeconds(60));
		conversation.changeStatus(ConversationStatus.OPEN, this.supervisor, this.now.plusSeconds(120));
		assertThat(conversation.resolvedAt()).isNull();
	}

	@ParameterizedTest
	@EnumSource(ConversationStatus.class)
	void theStaffMovesAConversationOnlyAlongTheStatusTable(ConversationStatus from) {
		for (ConversationStatus to : EnumSet.complementOf(EnumSet.of(from))) {
			Conversation conversation = in(from);
			boolean allowed = from.next().contains(to) && to != ConversationStatus.ASSIGNED;
			if (allowed) {
				conversation.changeStatus(to, this.supervisor, this.now);
				assertThat(conversation.status()).as("%s to %s", from, to).isEqualTo(to);
			}
			else {
				assertThatThrownBy(() -> conversation.changeStatus(to, this.supervisor, this.now))
					.as("%s to %s", from, to)
					.isInstanceOf(ParleyException.class);
				assertThat(conversation.status()).isEqualTo(from);
			}
		}
	}

	@Test
	void closingByStatusIsFinalAndRecordsTheClose() {
		Conversation conversation = started();

		conversation.changeStatus(ConversationStatus.CLOSED, this.supervisor, this.now);

		assertThat(conversation.isActive()).isFalse();
		assertThat(conversation.releaseEvents()).hasAtLeastOneElementOfType(ConversationClosed.class)
			.hasAtLeastOneElementOfType(ConversationChanged.class);
		assertThatThrownBy(() -> conversation.changeStatus(ConversationStatus.OPEN, this.supervisor, this.now))
			.hasMessage("CONVERSATION_ALREADY_CLOSED");
		assertThatThrownBy(() -> conversation.append(customer(), MessageType.TEXT, "late", null, this.now))
			.hasMessage("CONVERSATION_ALREADY_CLOSED");
	}

	@Test
	void notesCountOnTheirOwnAndVisibleMessagesKeepAGaplessSequence() {
		Conversation conversation = started();
		Author staff = new Author.Member(UserId.random(), "agent", "Rahul", null);

		Message first = conversation.append(customer(), MessageType.TEXT, "hello", null, this.now);
		Message note = conversation.append(staff, MessageType.NOTE, "VIP", null, this.now);
		Message second = conversation.append(staff, MessageType.TEXT, "hi", "c-1", this.now);

		assertThat(List.of(first.sequence(), first.note())).containsExactly(1L, 0L);
		assertThat(List.of(note.sequence(), note.note())).containsExactly(1L, 1L);
		assertThat(List.of(second.sequence(), second.note())).containsExactly(2L, 0L);
		assertThat(second.clientMessageId()).isEqualTo("c-1");
		assertThat(conversation.lastSequence()).isEqualTo(2);
		assertThat(conversation.lastNote()).isEqualTo(1);
		assertThat(Position.of(second).isAfter(Position.of(note))).isTrue();
	}

	@Test
	void aStaffStatusChangeRecordsWhoMovedItFromWhereToWhere() {
		Conversation conversation = started();

		conversation.changeStatus(ConversationStatus.PENDING, this.supervisor, this.now);

		List<Object> events = conversation.releaseEvents();
		assertThat(events).hasSize(2);
		ConversationStatusChanged changed = (ConversationStatusChanged) events.get(0);
		assertThat(List.of(changed.from(), changed.to())).containsExactly(ConversationStatus.OPEN,
				ConversationStatus.PENDING);
		assertThat(changed.changedBy()).isEqualTo(this.supervisor);
		assertThat(changed.workspaceId()).isEqualTo(this.workspace);
		assertThat(events.get(1)).isInstanceOf(ConversationChanged.class);
	}

	@Test
	void theAgentsJoinAndTheCustomersReturnAreNoStaffStatusChange() {
		Conversation assigned = started();
		Member agent = agent();
		assigned.assignTo(agent, this.supervisor, null, this.now);
		assigned.releaseEvents();
		assigned.admit(caller(agent.userId(), Role.AGENT), this.now);
		Conversation resolved = in(ConversationStatus.RESOLVED);
		resolved.append(customer(), MessageType.TEXT, "still broken", null, this.now);

		assertThat(assigned.releaseEvents()).noneMatch(ConversationStatusChanged.class::isInstance);
		assertThat(resolved.releaseEvents()).noneMatch(ConversationStatusChanged.class::isInstance);
	}

	@Test
	void givingItAgainToItsAgentChangesNoHands() {
		Conversation conversation = started();
		Member agent = agent();
		ConversationAssigned first = conversation.assignTo(agent, this.supervisor, null, this.now);

		ConversationAssigned again = conversation.assignTo(agent, this.supervisor, null, this.now);

		assertThat(first.again()).isFalse();
		assertThat(again.again()).isTrue();
		assertThat(again.previousAgentId()).isNull();
		assertThat(again.id()).isNotEqualTo(first.id());
	}

	@Test
	void closingRecordsWhoClosedIt() {
		Conversation conversation = started();

		ConversationClosed closed = conversation.closeUnanswered(this.supervisor, this.now);

		assertThat(closed.closedBy()).isEqualTo(this.supervisor);
		assertThat(closed.workspaceId()).isEqualTo(this.workspace);
	}

	@Test
	void systemMessagesAreNumberedAsNotesAndParleyAloneWritesAfterTheClose() {
		Conversation conversation = started();
		Message text = conversation.append(customer(), MessageType.TEXT, "hello", null, this.now);
		Message assigned = conversation.append(Author.Parley.INSTANCE, MessageType.SYSTEM,
				"Ada assigned this conversation to Grace", "system:assigned:1", this.now);
		conversation.closeUnanswered(this.supervisor, this.now);

		Message closed = conversation.append(Author.Parley.INSTANCE, MessageType.SYSTEM, "Ada closed this conversation",
				"system:closed:1", this.now);

		assertThat(List.of(text.sequence(), text.note())).containsExactly(1L, 0L);
		assertThat(List.of(assigned.sequence(), assigned.note())).containsExactly(1L, 1L);
		assertThat(List.of(closed.sequence(), closed.note())).containsExactly(1L, 2L);
		assertThat(assigned.isInternal()).isTrue();
		assertThat(conversation.lastSequence()).isEqualTo(1);
		assertThatThrownBy(() -> conversation.append(customer(), MessageType.TEXT, "late", null, this.now))
			.hasMessage("CONVERSATION_ALREADY_CLOSED");

	}

	@Test
	void messagesMoveTheConversationUpAtMostOnceASecond() {
		Conversation conversation = started();
		Instant soon = this.now.plus(Conversation.ACTIVITY_RESOLUTION).minusMillis(1);
		Instant later = this.now.plus(Conversation.ACTIVITY_RESOLUTION);

		Message quick = conversation.append(customer(), MessageType.TEXT, "hello", null, soon);
		assertThat(conversation.updatedAt()).isEqualTo(this.now);
		Message next = conversation.append(customer(), MessageType.TEXT, "anyone?", null, later);

		assertThat(quick.createdAt()).isEqualTo(soon);
		assertThat(next.createdAt()).isEqualTo(later);
		assertThat(conversation.updatedAt()).isEqualTo(later);
	}

	@Test
	void theCustomerWritingAgainBringsAResolvedConversationBack() {
		Conversation conversation = in(ConversationStatus.RESOLVED);

		conversation.append(customer(), MessageType.TEXT, "still broken", null, this.now);

		assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
		assertThat(conversation.releaseEvents()).singleElement().isInstanceOf(ConversationChanged.class);
	}

	@Test
	void onlyItsOwnContactBotsAndParleyWriteWithoutALogin() {
		Conversation conversation = started();

		assertThat(conversation.admitsWriting(null, customer(), MessageType.TEXT)).isTrue();
		assertThat(conversation.admitsWriting(null, customer(), MessageType.NOTE)).isFalse();
		assertThat(conversation.admitsWriting(null, new Author.Contact(ContactId.random(), null, "Someone else", null),
				MessageType.TEXT))
			.isFalse();
		assertThat(conversation.admitsWriting(null, new Author.Bot(java.util.UUID.randomUUID(), "Bot", null),
				MessageType.BOT))
			.isTrue();
		assertThat(conversation.admitsWriting(null, Author.Parley.INSTANCE, MessageType.SYSTEM)).isTrue();
		assertThat(conversation.admitsWriting(null, Author.Parley.INSTANCE, MessageType.TEXT)).isFalse();
	}

	@Test
	void whoMayCloseDependsOnWhetherAnAgentHandlesIt() {
		Conversation conversation = started();
		Member agent = agent();
		Caller sentTo = caller(this.supervisor, Role.SUPERVISOR);
		Caller handling = caller(agent.userId(), Role.AGENT);

		assertThat(conversation.mayClose(sentTo)).isTrue();
		assertThat(conversation.mayClose(handling)).isFalse();
		conversation.assignTo(agent, this.supervisor, null, this.now);
		conversation.admit(handling, this.now);
		assertThat(conversation.mayClose(sentTo)).isFalse();
		assertThat(conversation.mayClose(handling)).isTrue();
		assertThat(conversation.mayClose(caller(UserId.random(), Role.ADMIN))).isTrue();
		assertThat(conversation.mayClose(caller(this.candidate, Role.CANDIDATE))).isFalse();
	}

	private Conversation start() {
		return Conversation.start(this.workspace, this.contact, this.candidate, this.supervisor, Channel.WEB,
				Priority.NORMAL, Conversation.Context.NONE, this.now);
	}

	/** A new conversation whose opening was announced already. */
	private Conversation started() {
		Conversation conversation = start();
		conversation.releaseEvents();
		return conversation;
	}

	private Conversation in(ConversationStatus status) {
		return new Conversation(ConversationId.random(), this.workspace, this.contact, this.candidate, this.supervisor,
				null, status, Channel.WEB, Priority.NORMAL, Conversation.Context.NONE, 0, 0, this.now, this.now);
	}

	private Author customer() {
		return new Author.Contact(this.contact, this.candidate, "Cara", null);
	}

	private Member agent() {
		return new Member(this.workspace, UserId.random(), "Rahul", "rahul@example.com", MemberRole.of(Role.AGENT),
				this.supervisor, true, new AgentProfile(null, null, io.parley.workspace.Availability.ONLINE, 5),
				this.now);
	}

	private Caller caller(UserId user, Role role) {
		Set<io.parley.workspace.Permission> permissions = role.permissions();
		return new Caller(user, this.workspace, role.value(), permissions);
	}

}
