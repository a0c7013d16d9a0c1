package io.parley.bench;

/**
 * A room to measure: one socket sends into it, the other receives.
 *
 * @param senderToken token of the candidate (Parley), {@code null} for peers
 * @param receiverToken token of the assigned agent (Parley), {@code null} for peers
 */
record Room(String conversationId, String senderToken, String receiverToken) {
}
