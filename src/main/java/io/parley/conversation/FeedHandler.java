package io.parley.conversation;

import java.util.List;

/**
 * A consumer of the message log: handles what was read, in log order. A handler that
 * throws gets the same entries again on the next poll.
 */
@FunctionalInterface
public interface FeedHandler {

	void handle(List<FeedEntry> entries);

}
