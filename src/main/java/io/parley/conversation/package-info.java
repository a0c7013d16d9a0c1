/**
 * Conversations between a candidate and the support team, and their durable, sequenced
 * messages. State changes publish {@link io.parley.conversation.MessagePosted},
 * {@link io.parley.conversation.ConversationAssigned},
 * {@link io.parley.conversation.ConversationStatusChanged} and
 * {@link io.parley.conversation.ConversationClosed}; other modules react to those, and
 * the module itself writes a staff-only system message for each of the last three.
 * Messages may carry files ({@link io.parley.conversation.Attachments}, kept in an
 * {@link io.parley.conversation.AttachmentStorage}); a resolved conversation may be rated
 * by its customer ({@link io.parley.conversation.Ratings}); a waiting one has a place in
 * its workspace's queue ({@link io.parley.conversation.ConversationQueue}).
 */
package io.parley.conversation;
