package io.parley.system;

import java.io.DataInput;
import java.io.InputStream;
import java.io.Reader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * A {@link JsonFactory} whose parsers refuse text that is not {@link Text#isWellFormed
 * well-formed}: Jackson has no parser decorator, so the factory wraps what it creates.
 */
final class WellFormedTextJsonFactory extends JsonFactory {

	WellFormedTextJsonFactory(JsonFactoryBuilder builder) {
		super(builder);
	}

	private WellFormedTextJsonFactory(WellFormedTextJsonFactory source) {
		super(source);
	}

	@Override
	public JsonFactory copy() {
		return new WellFormedTextJsonFactory(this);
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, InputStream in)
			throws JacksonException {
		return new WellFormedTextParser(super._createParser(readContext, ioContext, in));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, Reader reader)
			throws JacksonException {
		return new WellFormedTextParser(super._createParser(readContext, ioContext, reader));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, char[] data, int offset,
			int length, boolean recyclable) throws JacksonException {
		return new WellFormedTextParser(super._createParser(readContext, ioContext, data, offset, length, recyclable));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, byte[] data, int offset,
			int length) throws JacksonException {
		return new WellFormedTextParser(super._createParser(readContext, ioContext, data, offset, length));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, DataInput input)
			throws JacksonException {
		return new WellFormedTextParser(super._createParser(readContext, ioContext, input));
	}

}
