package io.parley.conversation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of a list; {@code nextCursor} is {@code null} on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PageView<T>(List<T> items, String nextCursor) {
}
