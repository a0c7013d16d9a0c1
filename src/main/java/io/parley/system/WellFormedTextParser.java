package io.parley.system;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Checks every string value and property name as the parser reaches it, whatever reads
 * it: a record, a map, a tree or nothing at all (skipped fields are read token by token
 * too, so a body either holds only well-formed text or is refused whole).
 */
final class WellFormedTextParser extends JsonParserDelegate {

	WellFormedTextParser(JsonParser parser) {
		super(parser);
	}

	@Override
	public JsonToken nextToken() throws JacksonException {
		return checked(this.delegate.nextToken());
	}

	@Override
	public JsonToken nextValue() throws JacksonException {
		JsonToken token = nextToken();
		return (token == JsonToken.PROPERTY_NAME) ? nextToken() : token;
	}

	@Override
	public String nextName() throws JacksonException {
		String name = this.delegate.nextName();
		checked(this.delegate.currentToken());
		return name;
	}

	@Override
	public boolean nextName(SerializableString expected) throws JacksonException {
		if (this.delegate.nextName(expected)) {
			// a name Parley knows, and those are well-formed
			return true;
		}
		checked(this.delegate.currentToken());
		return false;
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) throws JacksonException {
		int match = this.delegate.nextNameMatch(matcher);
		if (match < 0) {
			checked(this.delegate.currentToken());
		}
		return match;
	}

	@Override
	public JsonParser skipChildren() throws JacksonException {
		JsonToken current = this.delegate.currentToken();
		if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
			return this;
		}
		int depth = 1;
		while (depth > 0) {
			JsonToken token = nextToken();
			if (token == null) {
				// the delegate reports the unexpected end
				return this.delegate.skipChildren();
			}
			if (token.isStructStart()) {
				depth++;
			}
			else if (token.isStructEnd()) {
				depth--;
			}
		}
		return this;
	}

	private JsonToken checked(JsonToken token) {
		if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
			String text = (token == JsonToken.VALUE_STRING) ? this.delegate.getString() : this.delegate.currentName();
			if (!Text.isWellFormed(text)) {
				throw new MalformedTextException(this);
			}
		}
		return token;
	}

}
