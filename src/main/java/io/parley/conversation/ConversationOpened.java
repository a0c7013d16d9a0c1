package io.parley.conversation;

/** A new conversation came in. */
public record ConversationOpened(ConversationSnapshot conversation) {
}
