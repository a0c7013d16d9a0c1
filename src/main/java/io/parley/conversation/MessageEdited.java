package io.parley.conversation;

/** The sender changed the content of a message. */
public record MessageEdited(Message message) {
}
