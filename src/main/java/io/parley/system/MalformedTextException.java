package io.parley.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * JSON that holds text {@link Text#isWellFormed} refuses: thrown while the JSON is read,
 * so nothing reads the value. Valid JSON, so callers tell it apart from malformed JSON.
 */
public final class MalformedTextException extends StreamReadException {

	MalformedTextException(JsonParser parser) {
		super(parser, "Text holding U+0000 or a lone surrogate");
	}

}
