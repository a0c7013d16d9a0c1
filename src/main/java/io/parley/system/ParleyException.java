package io.parley.system;

/**
 * A rule of the product was broken by the request; carries the {@link ErrorCode} to
 * report. It has no stack trace: it is an answer, not a fault.
 */
public class ParleyException extends RuntimeException {

	private final ErrorCode code;

	public ParleyException(ErrorCode code) {
		super(code.name(), null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

}
