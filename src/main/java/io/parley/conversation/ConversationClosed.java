package io.parley.conversation;

/**
 * A conversation was closed; nobody can join it or post to it any more.
 *
 * @param origin the opaque id of the connection that closed it, or {@code null}
 */
public record ConversationClosed(ConversationId conversationId, String origin) {
}
