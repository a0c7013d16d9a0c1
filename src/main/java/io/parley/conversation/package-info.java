/**
 * Conversations between a candidate and the support team, and their durable, sequenced
 * messages. State changes publish {@link io.parley.conversation.MessagePosted},
 * {@link io.parley.conversation.ConversationAssigned},
 * {@link io.parley.conversation.ConversationStatusChanged} and
 * {@link io.parley.conversation.ConversationClosed}; other modules react to those, and
 * the module itself writes a staff-only system message for each of the last three.
 */
package io.parley.conversation;
