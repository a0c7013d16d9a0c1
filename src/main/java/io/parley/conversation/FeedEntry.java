package io.parley.conversation;

import io.parley.workspace.WorkspaceId;

/**
 * A message as the log holds it.
 *
 * @param position its place in the log, in the order messages were inserted
 */
public record FeedEntry(long position, WorkspaceId workspace, Message message) {
}
