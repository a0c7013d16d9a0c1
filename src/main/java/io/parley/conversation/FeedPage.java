package io.parley.conversation;

import java.util.List;

/**
 * What a read of the log found, and where the next read starts.
 */
public record FeedPage(List<FeedEntry> entries, FeedCursor next) {
}
