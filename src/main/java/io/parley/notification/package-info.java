/**
 * A member's notifications (seed 001): a note mentioned them
 * ({@link io.parley.conversation.MembersMentioned}), a conversation was given to them by
 * someone else ({@link io.parley.conversation.ConversationAssigned}), a customer wrote in
 * a conversation they handle (from {@link io.parley.conversation.MessagePosted},
 * coalesced per conversation while unread). Each is created once its cause is committed,
 * never in the message writer's transaction, and announced as
 * {@link io.parley.notification.NotificationRaised} for the member's sockets (decision
 * 86). Members read their own through {@link io.parley.notification.MemberNotifications}.
 */
package io.parley.notification;
