package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.UserId;

/** A participant has read a conversation up to and including {@code lastReadSequence}. */
public record ReadState(UserId readerId, long lastReadSequence, Instant readAt) {
}
