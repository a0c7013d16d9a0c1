package io.parley.conversation;

import java.util.Locale;

/**
 * What became of a staff message that a channel carries beyond Parley (a reply mailed to
 * the customer): waiting to go out, handed to the customer's server, given up after the
 * last try, or bounced back by the customer's server.
 */
public enum DeliveryState {

	PENDING, SENT, FAILED, BOUNCED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Failed or bounced: the customer did not get it, and it may be sent again. */
	public boolean notDelivered() {
		return this == FAILED || this == BOUNCED;
	}

	public static DeliveryState of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
