package io.parley.conversation;

import java.time.Instant;
import java.util.List;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Role;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging one conversation of a contact into another, on the aggregate alone. */
class ConversationMergeTests {

	private final WorkspaceId workspace = WorkspaceId.random();

	private final ContactId contact = ContactId.random();

	private final UserId admin = UserId.random();

	private final Instant now = Instant.parse("2026-03-11T10:30:00Z");

	@Test
	void theMergedConversationClosesWithAPointerAndTellsOfTheMergeBeforeTheClosing() {
		Conversation target = started(this.contact);
		Conversation source = started(this.contact);
		Instant later = this.now.plusSeconds(60);

		ConversationMerged merged = source.mergeInto(target, this.admin, later);

		assertThat(source.status()).isEqualTo(ConversationStatus.CLOSED);
		assertThat(source.mergedInto()).isEqualTo(target.id());
		assertThat(target.mergedInto()).isNull();
		assertThat(target.isActive()).isTrue();
		assertThat(merged.conversationId()).isEqualTo(source.id());
		assertThat(merged.intoId()).isEqualTo(target.id());
		assertThat(merged.mergedBy()).isEqualTo(this.admin);
		List<Object> events = source.releaseEvents();
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).isEqualTo(merged);
		assertThat(events.get(1)).isInstanceOf(ConversationClosed.class);
		assertThat(((ConversationClosed) events.get(1)).closedBy()).isEqualTo(this.admin);
		assertThat(events.get(2)).isInstanceOf(ConversationChanged.class);
		// the target moves up the inbox, announced as changed
		assertThat(target.updatedAt()).isEqualTo(later);
		assertThat(target.releaseEvents()).singleElement().isInstanceOf(ConversationChanged.class);
	}

	@Test
	void noMessageIsRenumbered() {
		Conversation target = started(this.contact);
		Conversation source = started(this.contact);
		source.append(customer(), MessageType.TEXT, "first", null, this.now);
		target.append(customer(), MessageType.TEXT, "other", null, this.now);

		source.mergeInto(target, this.admin, this.now);

		assertThat(source.lastSequence()).isEqualTo(1);
		assertThat(target.lastSequence()).isEqualTo(1);
	}

	@Test
	void refusesItselfAnotherContactAndWhatIsClosedOrMerged() {
		Conversation target = started(this.contact);
		assertRefused(() -> target.mergeInto(target, this.admin, this.now), ErrorCode.MERGE_INTO_ITSELF);
		assertRefused(() -> started(ContactId.random()).mergeInto(target, this.admin, this.now),
				ErrorCode.MERGE_OTHER_CONTACT);

		Conversation closed = started(this.contact);
		closed.changeStatus(ConversationStatus.CLOSED, this.admin, this.now);
		assertRefused(() -> closed.mergeInto(target, this.admin, this.now), ErrorCode.CONVERSATION_NOT_MERGEABLE);
		assertRefused(() -> started(this.contact).mergeInto(closed, this.admin, this.now),
				ErrorCode.CONVERSATION_NOT_MERGEABLE);

		Conversation merged = started(this.contact);
		merged.mergeInto(target, this.admin, this.now);
		assertRefused(() -> merged.mergeInto(started(this.contact), this.admin, this.now),
				ErrorCode.CONVERSATION_NOT_MERGEABLE);
		assertThat(target.isActive()).isTrue();
	}

	@Test
	void whoMayMergeSeesBothAndMayCloseTheOneMerged() {
		Conversation target = started(this.contact);
		Conversation source = started(this.contact);
		UserId agent = UserId.random();
		Caller admin = new Caller(this.admin, this.workspace, Role.ADMIN.value(), Role.ADMIN.permissions());
		Caller stranger = new Caller(agent, this.workspace, Role.AGENT.value(), Role.AGENT.permissions());
		Caller elsewhere = new Caller(this.admin, WorkspaceId.random(), Role.ADMIN.value(), Role.ADMIN.permissions());

		assertThat(ConversationAccess.mayMerge(admin, source, target)).isTrue();
		assertThat(ConversationAccess.mayMerge(stranger, source, target)).isFalse();
		assertThat(ConversationAccess.mayMerge(elsewhere, source, target)).isFalse();
	}

	private static void assertRefused(Runnable merge, ErrorCode code) {
		assertThatThrownBy(merge::run).isInstanceOfSatisfying(ParleyException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(code));
	}

	private Conversation started(ContactId contact) {
		Conversation conversation = Conversation.start(this.workspace, contact, null, null, Channel.WEB,
				Priority.NORMAL, Conversation.Context.NONE, this.now);
		conversation.releaseEvents();
		return conversation;
	}

	private Author customer() {
		return new Author.Contact(this.contact, null, "Cara", null);
	}

}
