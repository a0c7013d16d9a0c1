package io.parley.conversation;

import java.io.InputStream;

/** An attachment being read: what it is, and its content, to be closed by the reader. */
public record Download(Attachment attachment, InputStream content) {
}
