package io.parley.support;

import java.util.UUID;

import io.parley.contact.Contact;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation.Context;
import io.parley.conversation.ConversationIntake;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorContacts;
import io.parley.widget.VisitorSocketTickets;
import io.parley.widget.VisitorTokens;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Widget visitors for tests, made through the beans the widget's routes use: a visitor
 * with a contact, their conversations, their tickets.
 */
public final class Visitors {

	private final VisitorTokens tokens;

	private final VisitorContacts contacts;

	private final ConversationIntake intake;

	private final VisitorSocketTickets tickets;

	private final TransactionTemplate transactions;

	public Visitors(ApplicationContext context) {
		this.tokens = context.getBean(VisitorTokens.class);
		this.contacts = context.getBean(VisitorContacts.class);
		this.intake = context.getBean(ConversationIntake.class);
		this.tickets = context.getBean(VisitorSocketTickets.class);
		this.transactions = context.getBean(TransactionTemplate.class);
	}

	/**
	 * An anonymous visitor of the workspace who has written before: they have a contact.
	 */
	public TestVisitor visitor(String workspaceId, String name) {
		Visitor visitor = new Visitor(WorkspaceId.parse(workspaceId).orElseThrow(), UUID.randomUUID().toString(), null);
		Contact contact = this.transactions.execute((status) -> this.contacts.findOrCreate(visitor, name));
		return new TestVisitor(visitor, this.tokens.issue(visitor).token(), contact.id().toString());
	}

	/** A visitor who has not written yet: no contact. */
	public TestVisitor newcomer(String workspaceId) {
		Visitor visitor = new Visitor(WorkspaceId.parse(workspaceId).orElseThrow(), UUID.randomUUID().toString(), null);
		return new TestVisitor(visitor, this.tokens.issue(visitor).token(), null);
	}

	/** The visitor starts a conversation with its first message; returns its id. */
	public String conversation(TestVisitor visitor, String firstMessage) {
		Contact contact = this.contacts.find(visitor.visitor()).orElseThrow();
		return this.intake
			.start(visitor.visitor().workspaceId(), contact.id(), Channel.WEB, Context.NONE, firstMessage, null)
			.conversation()
			.id()
			.toString();
	}

	/** A socket ticket for the visitor, for {@code /ws?visitorTicket=}. */
	public String ticket(TestVisitor visitor) {
		return this.tickets.issue(visitor.visitor()).ticket();
	}

	public record TestVisitor(Visitor visitor, String token, String contactId) {
	}

}
