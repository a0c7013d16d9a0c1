package io.parley.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import io.parley.contact.ContactId;
import io.parley.identity.UserId;

/**
 * Who wrote a message: a member of the staff, the conversation's contact (an anonymous
 * widget visitor, an email sender, a seed-003 candidate with a login), a bot, or Parley
 * itself. Names and avatars are kept as they were when the message was written, as an
 * email keeps its sender.
 */
public sealed interface Author {

	Type type();

	/**
	 * The member's user id, the contact's id, the bot's id; {@code null} for the system.
	 */
	UUID id();

	/** The name to show, or {@code null}. */
	String name();

	/** The avatar to show, or {@code null}. */
	String avatarUrl();

	/** Seed 003's {@code senderId}: the login behind the message, or {@code null}. */
	default UserId login() {
		return null;
	}

	/** Seed 003's {@code senderRole}. */
	String role();

	/**
	 * A member of the staff.
	 *
	 * @param role the name of their role when they wrote it
	 */
	record Member(UserId userId, String role, String name, String avatarUrl) implements Author {

		@Override
		public Type type() {
			return Type.MEMBER;
		}

		@Override
		public UUID id() {
			return this.userId.value();
		}

		@Override
		public UserId login() {
			return this.userId;
		}

	}

	/**
	 * The customer of the conversation.
	 *
	 * @param userId their login (a seed-003 candidate), or {@code null}
	 */
	record Contact(ContactId contactId, UserId userId, String name, String avatarUrl) implements Author {

		/** Seed 003's role name for the customer. */
		public static final String ROLE = "candidate";

		@Override
		public Type type() {
			return Type.CONTACT;
		}

		@Override
		public UUID id() {
			return this.contactId.value();
		}

		@Override
		public UserId login() {
			return this.userId;
		}

		@Override
		public String role() {
			return ROLE;
		}

	}

	/** A bot answering for the team. */
	record Bot(UUID botId, String name, String avatarUrl) implements Author {

		@Override
		public Type type() {
			return Type.BOT;
		}

		@Override
		public UUID id() {
			return this.botId;
		}

		@Override
		public String role() {
			return "bot";
		}

	}

	/** Parley itself, telling what happened (assigned, closed, ...). */
	record Parley() implements Author {

		public static final Parley INSTANCE = new Parley();

		@Override
		public Type type() {
			return Type.SYSTEM;
		}

		@Override
		public UUID id() {
			return null;
		}

		@Override
		public String name() {
			return "Parley";
		}

		@Override
		public String avatarUrl() {
			return null;
		}

		@Override
		public String role() {
			return "system";
		}

	}

	enum Type {

		MEMBER, CONTACT, BOT, SYSTEM;

		private final String value = name().toLowerCase(Locale.ROOT);

		@JsonValue
		public String value() {
			return this.value;
		}

		static Optional<Type> parse(String value) {
			for (Type type : values()) {
				if (type.value.equals(value)) {
					return Optional.of(type);
				}
			}
			return Optional.empty();
		}

	}

}
