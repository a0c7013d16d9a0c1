/**
 * The {@code /ws} WebSocket of seed 003: one room per conversation. Client frames become
 * calls into the conversation module; what others must see is pushed in reaction to that
 * module's events.
 */
package io.parley.realtime;
