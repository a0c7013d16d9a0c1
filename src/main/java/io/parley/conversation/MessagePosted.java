package io.parley.conversation;

/**
 * A message was committed to a conversation.
 *
 * @param origin the opaque id of the connection that sent it, so it is not echoed back
 * there; may be {@code null}
 */
public record MessagePosted(Message message, String origin) {
}
