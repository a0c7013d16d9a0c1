package io.parley.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.conversation.Author;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationIntake;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageType;
import io.parley.system.ErrorCode;
import io.parley.system.RateLimit;
import io.parley.system.RateLimiter;
import io.parley.widget.CustomerView.ConversationView;
import io.parley.widget.CustomerView.MessageView;
import io.parley.widget.FirstMessage.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visitor writes: the first message of a conversation creates their contact (if need
 * be) and the conversation with it (seed 002's lazy creation), later ones go to a
 * conversation of their own. Each message is limited per visitor
 * ({@code PARLEY_RATE_LIMIT_WIDGET_MESSAGES}); a repeated {@code clientMessageId} returns
 * what the first call stored.
 */
@Service
public class VisitorChats {

	/** The most a contact's or conversation's attributes from the widget may hold. */
	static final int MAX_ATTRIBUTES_LENGTH = 10_000;

	/** The longest attributes a contact keeps, as its column holds. */
	static final int MAX_CONTACT_ATTRIBUTES_LENGTH = 20_000;

	private final VisitorContacts visitorContacts;

	private final ContactDirectory contacts;

	private final ConversationIntake intake;

	private final MessageLog log;

	private final CustomerConversations customer;

	private final VisitorConversations conversations;

	private final ChatSettingsStore settings;

	private final RateLimiter limiter;

	private final RateLimit messages;

	private final JsonMapper json;

	VisitorChats(VisitorContacts visitorContacts, ContactDirectory contacts, ConversationIntake intake, MessageLog log,
			CustomerConversations customer, VisitorConversations conversations, ChatSettingsStore settings,
			RateLimiter limiter, JsonMapper json, @Value("${parley.rate-limit.widget-messages}") String messages) {
		this.visitorContacts = visitorContacts;
		this.contacts = contacts;
		this.intake = intake;
		this.log = log;
		this.customer = customer;
		this.conversations = conversations;
		this.settings = settings;
		this.limiter = limiter;
		this.json = json;
		this.messages = RateLimit.parse("widget-messages", messages);
	}

	/**
	 * Starts a conversation with the visitor's message.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#PRE_CHAT_FIELD_REQUIRED}
	 * when a field the workspace requires is missing, {@link ErrorCode#TOO_MANY_REQUESTS}
	 * over the visitor's limit
	 */
	@Transactional
	public Started start(Visitor visitor, FirstMessage first) {
		Fields fields = (first.fields() != null) ? first.fields() : Fields.NONE;
		Contact known = this.visitorContacts.find(visitor).orElse(null);
		PreChatAnswers answers = PreChatAnswers.check(this.settings.of(visitor.workspaceId()).preChat(), fields, known,
				(known != null) ? read(known.attributes()) : Map.of());
		String conversationAttributes = conversationAttributes(first);
		this.limiter.require(this.messages, key(visitor));
		Contact contact = this.visitorContacts.findOrCreate(visitor, answers.name());
		Map<String, Object> attributes = read(contact.attributes());
		if (first.attributes() != null) {
			attributes.putAll(first.attributes());
		}
		attributes.putAll(answers.custom());
		Map<String, Object> context = (first.context() != null) ? first.context().asMap() : Map.of();
		if (!context.isEmpty()) {
			attributes.put("context", context);
		}
		Map<String, Object> kept = new LinkedHashMap<>(attributes);
		putIfGiven(kept, Contact.GIVEN_EMAIL, answers.email());
		putIfGiven(kept, Contact.GIVEN_PHONE, answers.phone());
		// what the visitor gave is a superset of the rest: its length bounds both
		String keptJson = write(kept);
		if (keptJson.length() > MAX_CONTACT_ATTRIBUTES_LENGTH) {
			// the transaction rolls back: nothing of this message is kept
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		// an anonymous visitor's email or phone proves nothing: kept aside, never in the
		// contact's own (unique) email or phone, so nobody claims another's address
		// before they come (decision 60)
		contact = visitor.verified()
				? this.contacts.describeVisitor(visitor.workspaceId(), contact.id(), answers.name(), answers.email(),
						answers.phone(), write(attributes), keptJson)
				: this.contacts.describeVisitor(visitor.workspaceId(), contact.id(), answers.name(), null, null,
						keptJson, keptJson);
		PageContext page = (first.context() != null) ? first.context() : new PageContext(null, null, null, null, null);
		ConversationIntake.Started started = this.intake.start(visitor.workspaceId(), contact.id(), Channel.WEB,
				new Conversation.Context(null, page.pageUrl(), page.referrer()), first.content(),
				first.clientMessageId());
		if (!started.repeated()) {
			this.customer.describe(visitor.workspaceId(), started.conversation().id(), conversationAttributes);
		}
		return new Started(this.conversations.view(started.conversation()), MessageView.of(started.message()),
				started.repeated());
	}

	/**
	 * Sends the visitor's message to one of their conversations.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND}
	 * for another's conversation, {@link ErrorCode#CONVERSATION_ALREADY_CLOSED} for a
	 * closed one (the widget starts a new conversation instead, decision 64)
	 */
	public Sent send(Visitor visitor, String conversationId, String content, String clientMessageId) {
		Conversation conversation = this.conversations.conversation(visitor, conversationId);
		Contact contact = this.visitorContacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		this.limiter.require(this.messages, key(visitor));
		MessageLog.Posted posted = this.log.postAs(new Author.Contact(contact.id(), null, contact.name(), null),
				visitor.workspaceId(), conversation.id(), MessageType.TEXT, content, clientMessageId);
		return new Sent(MessageView.of(posted.message()), posted.repeated());
	}

	private String conversationAttributes(FirstMessage first) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("attributes",
				(first.conversationAttributes() != null) ? first.conversationAttributes() : Map.of());
		described.put("context", (first.context() != null) ? first.context().asMap() : Map.of());
		String text = write(described);
		if (text.length() > MAX_ATTRIBUTES_LENGTH
				|| (first.attributes() != null && write(first.attributes()).length() > MAX_ATTRIBUTES_LENGTH)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return text;
	}

	private static void putIfGiven(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private Map<String, Object> read(String attributes) {
		try {
			return new LinkedHashMap<>(this.json.readValue((attributes != null) ? attributes : "{}",
					new TypeReference<Map<String, Object>>() {
					}));
		}
		catch (JacksonException ex) {
			return new LinkedHashMap<>();
		}
	}

	private String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	/**
	 * Whose bucket a visitor's messages take from: the person, as their contact is; their
	 * socket's messages take from it too.
	 */
	public static String key(Visitor visitor) {
		return visitor.workspaceId()
				+ (visitor.verified() ? " user " + visitor.externalId() : " visitor " + visitor.visitorId());
	}

	/**
	 * @param repeated whether an earlier call with the same client id made it
	 */
	public record Started(ConversationView conversation, MessageView message, boolean repeated) {
	}

	/**
	 * @param repeated whether an earlier call with the same client id stored it
	 */
	public record Sent(MessageView message, boolean repeated) {
	}

}
