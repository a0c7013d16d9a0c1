/**
 * Conversations between a candidate and the support team, and their durable, sequenced
 * messages. State changes publish {@link io.parley.conversation.MessagePosted},
 * {@link io.parley.conversation.ConversationAssigned} and
 * {@link io.parley.conversation.ConversationClosed}; other modules react to those.
 */
package io.parley.conversation;
