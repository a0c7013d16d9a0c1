package io.parley.conversation;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as a client sent it: a name it chose, its declared size, and its content, which
 * may be read more than once (a multipart part kept by the server).
 *
 * @param name the client's name for the file, shown but never trusted, or {@code null}
 * @param size the declared length in bytes
 */
public record Upload(String name, long size, Content content) {

	/** Opens the content anew each time. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
