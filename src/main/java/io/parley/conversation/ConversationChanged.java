package io.parley.conversation;

/**
 * A conversation's status, priority, tags or assignment changed: the inbox shows it anew.
 */
public record ConversationChanged(ConversationSnapshot conversation) {
}
