package io.parley.realtime;

import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.conversation.ConversationAccess;
import io.parley.conversation.MessageLog.Sender;
import io.parley.identity.UserId;
import io.parley.widget.Visitor;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

/**
 * Who is behind a connection: someone signed in (the staff, or a seed-003 candidate) or a
 * widget visitor (decision 65). The two are served by different events and see different
 * things, so every place that must tell them apart asks which one it has.
 */
sealed interface SocketPrincipal {

	WorkspaceId workspaceId();

	/**
	 * Whether this one sees the internal notes of a conversation whose customer login is
	 * {@code customer} (see {@link ConversationAccess#showsNotes}); a visitor never does.
	 */
	boolean seesNotes(UserId customer);

	/** Whether this is the signed-in user {@code user}. */
	boolean is(UserId user);

	/**
	 * A signed-in person, as their messages show them.
	 */
	record SignedIn(Sender sender) implements SocketPrincipal {

		Caller caller() {
			return this.sender.caller();
		}

		@Override
		public WorkspaceId workspaceId() {
			return caller().workspaceId();
		}

		@Override
		public boolean seesNotes(UserId customer) {
			return ConversationAccess.showsNotes(caller(), customer);
		}

		@Override
		public boolean is(UserId user) {
			return caller().is(user);
		}

	}

	/**
	 * A widget visitor. Their contact is looked up when they first join a conversation,
	 * since it is made by their first message, which may come after the socket opened;
	 * once found it is kept.
	 */
	final class WidgetVisitor implements SocketPrincipal {

		private final Visitor visitor;

		private volatile Contact contact;

		WidgetVisitor(Visitor visitor) {
			this.visitor = visitor;
		}

		Visitor visitor() {
			return this.visitor;
		}

		/** The visitor's contact once known. */
		Optional<Contact> contact() {
			return Optional.ofNullable(this.contact);
		}

		void remember(Contact found) {
			this.contact = found;
		}

		@Override
		public WorkspaceId workspaceId() {
			return this.visitor.workspaceId();
		}

		@Override
		public boolean seesNotes(UserId customer) {
			return false;
		}

		@Override
		public boolean is(UserId user) {
			return false;
		}

	}

}
