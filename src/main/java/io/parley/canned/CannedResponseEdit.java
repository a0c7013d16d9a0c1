package io.parley.canned;

/**
 * What a member writes into a canned response. Creating one needs {@code shortcut},
 * {@code title} and {@code body}; {@code visibility} ({@code shared} or {@code private})
 * is {@code private} when left out. An edit changes what it gives and keeps what it
 * leaves {@code null}.
 */
public record CannedResponseEdit(String shortcut, String title, String body, String visibility) {

}
