package io.parley.conversation;

import io.parley.system.ParleyException;

/**
 * What became of a draft: stored now, found stored already (a repeated client id), or
 * refused.
 */
record Outcome(Message message, boolean repeated, ParleyException refusal) {

	static Outcome stored(Message message) {
		return new Outcome(message, false, null);
	}

	static Outcome repeated(Message message) {
		return new Outcome(message, true, null);
	}

	static Outcome refused(ParleyException refusal) {
		return new Outcome(null, false, refusal);
	}

}
