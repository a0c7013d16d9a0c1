package io.parley.conversation;

import java.util.Optional;

/**
 * A place in a conversation's transcript: after visible message {@code sequence} and,
 * when {@code note} is above 0, after internal note {@code note} that follows it.
 * Messages are ordered by sequence, then note number, which is the order they were
 * committed in. Written {@code 12} for a visible message, {@code 12.3} for a note.
 */
public record Position(long sequence, long note) {

	/** After every message. */
	public static final Position END = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

	/** Where a message stands. */
	public static Position of(Message message) {
		return new Position(message.sequence(), message.note());
	}

	/**
	 * This position, but no further than the conversation has come: a client cannot claim
	 * to have seen messages that do not exist.
	 */
	public Position within(Conversation conversation) {
		return new Position(Math.min(this.sequence, conversation.lastSequence()),
				Math.min(this.note, conversation.lastNote()));
	}

	/** Whether this comes after {@code other} in the transcript. */
	public boolean isAfter(Position other) {
		return (this.sequence != other.sequence) ? this.sequence > other.sequence : this.note > other.note;
	}

	/** The position in {@code text}, or empty when it is none. */
	public static Optional<Position> parse(String text) {
		try {
			int dot = text.indexOf('.');
			long sequence = Long.parseLong((dot < 0) ? text : text.substring(0, dot));
			long note = (dot < 0) ? 0 : Long.parseLong(text.substring(dot + 1));
			return (sequence < 0 || note < 0) ? Optional.empty() : Optional.of(new Position(sequence, note));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return (this.note == 0) ? Long.toString(this.sequence) : this.sequence + "." + this.note;
	}

}
