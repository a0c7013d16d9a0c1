package io.parley.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The agent who handles a visitor's conversation, as the widget shows them.
 *
 * @param avatarUrl their avatar, or {@code null}
 * @param presence {@code online}, {@code away} or {@code offline}
 */
@JsonPropertyOrder({ "name", "avatarUrl", "presence" })
@JsonInclude(JsonInclude.Include.ALWAYS)
record AgentCard(String name, String avatarUrl, String presence) {
}
