package io.parley.widget;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.system.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Single-use tickets with which a visitor's browser opens the socket
 * ({@code /ws?visitorTicket=}) or the event stream without putting its visitor token in a
 * URL: the staff's tickets (decision 48) for visitors, kept apart from them so that
 * neither opens the other's socket (decision 65).
 */
@Service
public class VisitorSocketTickets {

	private static final int MAX_TICKETS = 100_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Duration lifetime;

	private final Clock clock;

	private final Cache<String, Issued> issued;

	VisitorSocketTickets(@Value("${parley.ws.ticket-lifetime}") Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
		// expiry is checked on the clock; this only frees the memory of unused tickets
		this.issued = Caffeine.newBuilder().maximumSize(MAX_TICKETS).expireAfterWrite(lifetime.multipliedBy(2)).build();
	}

	/** A new ticket for the visitor, valid once within the ticket lifetime. */
	public Ticket issue(Visitor visitor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expiresAt = this.clock.instant().plus(this.lifetime);
		this.issued.put(Sha256.hex(ticket), new Issued(visitor, expiresAt));
		return new Ticket(ticket, expiresAt);
	}

	/**
	 * The visitor a ticket was issued for; the ticket is spent by the first attempt,
	 * whatever its outcome. Empty for an unknown, spent or expired ticket.
	 */
	public Optional<Visitor> redeem(String ticket) {
		if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
			return Optional.empty();
		}
		Issued found = this.issued.asMap().remove(Sha256.hex(ticket));
		if (found == null || !this.clock.instant().isBefore(found.expiresAt())) {
			return Optional.empty();
		}
		return Optional.of(found.visitor());
	}

	private record Issued(Visitor visitor, Instant expiresAt) {
	}

	/** A ticket and the moment it stops working. */
	public record Ticket(String ticket, Instant expiresAt) {

		/** Keeps the secret out of logs and exception messages. */
		@Override
		public String toString() {
			return "Ticket[expiresAt=" + this.expiresAt + ", ticket redacted]";
		}

	}

}
