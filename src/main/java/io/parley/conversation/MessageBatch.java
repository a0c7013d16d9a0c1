package io.parley.conversation;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parley.conversation.Messages.ClientKey;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation rules of a batch of drafts, in one transaction: one lock per
 * conversation, the author's right to write, the numbering, repeated client ids, and one
 * batched insert. Once committed, every new message is announced with
 * {@link MessagePosted}, in commit order, on the writer's thread.
 */
@Component
class MessageBatch {

	private static final Logger log = LoggerFactory.getLogger(MessageBatch.class);

	private final TransactionTemplate transactions;

	private final Conversations conversations;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MessageBatch(TransactionTemplate transactions, Conversations conversations, Messages messages,
			ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.conversations = conversations;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Commits the drafts and returns one outcome each. When the commit fails, the stored
	 * rows tell whether it went through all the same (its answer lost with the
	 * connection); if not, the drafts are tried again apart, so one bad draft fails only
	 * itself, and nothing is ever stored twice.
	 */
	List<Outcome> commit(List<Draft> drafts) {
		try {
			return attempt(drafts);
		}
		catch (OutcomeUnknown ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (drafts.size() > 1) {
				return retryApart(drafts);
			}
			if (isBusy(ex)) {
				// alone as in a batch: a conversation whose row stays locked is busy
				return List.of(Outcome.refused(ErrorCode.SERVER_BUSY.exception()));
			}
			throw ex;
		}
	}

	/**
	 * One transaction; announces what it stored.
	 * @throws RuntimeException when it failed and did not go through
	 * @throws OutcomeUnknown when it failed and the database could not tell whether it
	 * went through: then nothing may be retried
	 */
	private List<Outcome> attempt(List<Draft> drafts) {
		Attempt attempt = new Attempt();
		try {
			this.transactions.executeWithoutResult((status) -> append(drafts, attempt));
		}
		catch (RuntimeException ex) {
			boolean committed;
			try {
				committed = !attempt.appended.isEmpty() && wasCommitted(attempt.appended);
			}
			catch (RuntimeException unknown) {
				throw new OutcomeUnknown(ex);
			}
			if (!committed) {
				throw ex;
			}
			log.warn("A commit of {} messages reported a failure but went through", attempt.appended.size());
			// the inboxes hear of a change on commit, which was not reported; what goes
			// through the event registry was stored with the commit (and is tried again
			// once stale)
			attempt.published.stream().filter(ConversationChanged.class::isInstance).forEach(this.events::publishEvent);
		}
		announce(drafts, attempt.outcomes);
		return attempt.outcomes;
	}

	/**
	 * Tries a failed batch again, one conversation at a time: a conversation whose row
	 * stays locked is answered busy once for all its drafts, rather than holding the
	 * writer for a lock timeout per draft; other failures are tried draft by draft.
	 */
	private List<Outcome> retryApart(List<Draft> drafts) {
		Map<ConversationId, List<Draft>> byConversation = new LinkedHashMap<>();
		drafts.forEach(
				(draft) -> byConversation.computeIfAbsent(draft.conversation(), (id) -> new ArrayList<>()).add(draft));
		Map<Draft, Outcome> outcomes = new IdentityHashMap<>();
		for (List<Draft> group : byConversation.values()) {
			try {
				List<Outcome> stored = attempt(group);
				for (int i = 0; i < group.size(); i++) {
					outcomes.put(group.get(i), stored.get(i));
				}
			}
			catch (OutcomeUnknown ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				if (isBusy(ex)) {
					group.forEach((draft) -> outcomes.put(draft, Outcome.refused(ErrorCode.SERVER_BUSY.exception())));
				}
				else {
					group.forEach((draft) -> outcomes.put(draft, attemptAlone(draft)));
				}
			}
		}
		return drafts.stream().map(outcomes::get).toList();
	}

	/**
	 * Whether the database gave up waiting, for a row lock or a statement. H2 reports its
	 * lock timeout as a query timeout; PostgreSQL's {@code lock_timeout} (55P03) reaches
	 * here uncategorized, so its SQL state is read. Trying again at once would only wait
	 * as long again.
	 */
	private static boolean isBusy(RuntimeException ex) {
		if (ex instanceof PessimisticLockingFailureException || ex instanceof QueryTimeoutException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& ("55P03".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private Outcome attemptAlone(Draft draft) {
		try {
			return attempt(List.of(draft)).get(0);
		}
		catch (OutcomeUnknown ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Could not store a message of conversation {}", draft.conversation(), ex);
			return Outcome.refused(ErrorCode.INTERNAL_ERROR.exception());
		}
	}

	private void append(List<Draft> drafts, Attempt attempt) {
		attempt.reset();
		Map<ConversationId, Conversation> locked = new LinkedHashMap<>();
		this.conversations.lockAll(drafts.stream().map(Draft::conversation).distinct().toList())
			.forEach((conversation) -> locked.put(conversation.id(), conversation));
		// one time for the batch, taken once its conversations are locked
		Instant now = Timestamps.now(this.clock);
		Map<ClientKey, Message> known = knownClientIds(drafts);
		Map<ConversationId, Conversation> written = new LinkedHashMap<>();
		for (Draft draft : drafts) {
			Conversation conversation = locked.get(draft.conversation());
			if (conversation == null || !conversation.workspaceId().equals(draft.workspace())) {
				// another workspace's conversation answers as one that does not exist
				attempt.outcomes.add(Outcome.refused(ErrorCode.CONVERSATION_NOT_FOUND.exception()));
				continue;
			}
			Author author = (draft.caller() != null)
					? conversation.authorFor(draft.caller(), draft.author().name(), draft.author().avatarUrl())
					: draft.author();
			if (!conversation.admitsWriting(draft.caller(), author, draft.type())) {
				attempt.outcomes.add(Outcome.refused(ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception()));
				continue;
			}
			ClientKey key = (draft.clientMessageId() != null)
					? new ClientKey(draft.conversation(), draft.clientMessageId()) : null;
			Message earlier = (key != null) ? known.get(key) : null;
			if (earlier != null) {
				attempt.outcomes.add(Objects.equals(earlier.author().id(), author.id()) ? Outcome.repeated(earlier)
						: Outcome.refused(ErrorCode.CLIENT_MESSAGE_ID_TAKEN.exception()));
				continue;
			}
			try {
				Message message = conversation.append(author, draft.type(), draft.content(), draft.clientMessageId(),
						draft.attachments(), now);
				if (!draft.mentions().isEmpty()) {
					message = conversation.mention(message, draft.mentions());
				}
				attempt.appended.add(message);
				attempt.outcomes.add(Outcome.stored(message));
				written.put(conversation.id(), conversation);
				if (key != null) {
					known.put(key, message);
				}
			}
			catch (ParleyException ex) {
				attempt.outcomes.add(Outcome.refused(ex));
			}
		}
		if (!attempt.appended.isEmpty()) {
			this.messages.addAll(attempt.appended);
			attempt.published.addAll(this.conversations.saveAppended(written.values()));
		}
	}

	private Map<ClientKey, Message> knownClientIds(List<Draft> drafts) {
		List<ClientKey> keys = drafts.stream()
			.filter((draft) -> draft.clientMessageId() != null)
			.map((draft) -> new ClientKey(draft.conversation(), draft.clientMessageId()))
			.distinct()
			.toList();
		Map<ClientKey, Message> known = new HashMap<>();
		for (Message message : this.messages.withClientIds(keys)) {
			known.put(new ClientKey(message.conversationId(), message.clientMessageId()), message);
		}
		return known;
	}

	/**
	 * Whether the messages of a commit that reported a failure are stored all the same.
	 * @throws RuntimeException when the database cannot tell: then nothing is retried
	 */
	private boolean wasCommitted(List<Message> appended) {
		List<Message> stored = this.messages.stored(appended);
		return !stored.isEmpty()
				&& stored.stream()
					.allMatch((message) -> appended.stream()
						.anyMatch((attempted) -> attempted.sequence() == message.sequence()
								&& attempted.note() == message.note()
								&& attempted.conversationId().equals(message.conversationId())
								&& attempted.createdAt().equals(message.createdAt())
								&& attempted.content().equals(message.content())));
	}

	/** Tells of every new message; what a listener throws is its own failure. */
	private void announce(List<Draft> drafts, List<Outcome> outcomes) {
		for (int i = 0; i < outcomes.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome.message() == null || outcome.repeated()) {
				continue;
			}
			try {
				this.events.publishEvent(new MessagePosted(outcome.message(), drafts.get(i).origin()));
			}
			catch (RuntimeException ex) {
				log.error("A listener failed on message {} of conversation {}", outcome.message().sequence(),
						outcome.message().conversationId(), ex);
			}
		}
	}

	/** What one try of a transaction did, kept for when its commit reports a failure. */
	private static final class Attempt {

		private final List<Message> appended = new ArrayList<>();

		private final List<Outcome> outcomes = new ArrayList<>();

		/** What its conversations published, for the listeners after the commit. */
		private final List<Object> published = new ArrayList<>();

		void reset() {
			this.appended.clear();
			this.outcomes.clear();
			this.published.clear();
		}

	}

	/** A commit failed, and whether it went through all the same is not known. */
	private static final class OutcomeUnknown extends RuntimeException {

		OutcomeUnknown(RuntimeException failure) {
			super("The outcome of a commit is unknown", failure);
		}

	}

}
