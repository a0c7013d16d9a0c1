package io.parley.conversation;

/**
 * Where a waiting conversation stands in its workspace's queue.
 *
 * @param position 1 for the next to be taken
 * @param expectedWaitSeconds the typical wait for a first answer lately, or {@code null}
 * when the workspace has answered nobody lately
 */
public record QueueEstimate(int position, Long expectedWaitSeconds) {
}
