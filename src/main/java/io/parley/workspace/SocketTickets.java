package io.parley.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.identity.UserId;
import io.parley.system.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Short-lived, single-use tickets that let a browser open the socket
 * ({@code /ws?ticket=}) without putting its access token in a URL (decision 48). A ticket
 * is bound to the user and workspace it was issued for, and kept in this node's memory
 * under its hash only.
 */
@Service
public class SocketTickets {

	private static final int MAX_TICKETS = 100_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Callers callers;

	private final Duration lifetime;

	private final Clock clock;

	private final Cache<String, Issued> issued;

	SocketTickets(Callers callers, @Value("${parley.ws.ticket-lifetime}") Duration lifetime, Clock clock) {
		this.callers = callers;
		this.lifetime = lifetime;
		this.clock = clock;
		// expiry is checked on the clock; this only frees the memory of unused tickets
		this.issued = Caffeine.newBuilder().maximumSize(MAX_TICKETS).expireAfterWrite(lifetime.multipliedBy(2)).build();
	}

	/** A new ticket for the caller, valid once within the ticket lifetime. */
	@AnyCaller("every caller may open a socket, as themselves")
	public SocketTicket issue(Caller caller) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expiresAt = this.clock.instant().plus(this.lifetime);
		this.issued.put(hash(ticket), new Issued(caller.userId(), caller.workspaceId(), expiresAt));
		return new SocketTicket(ticket, expiresAt);
	}

	/**
	 * The caller a ticket was issued for, as their membership is now; the ticket is spent
	 * by the first attempt, whatever its outcome. Empty for an unknown, spent or expired
	 * ticket, or a membership that is no longer active.
	 */
	public Optional<Caller> redeem(String ticket) {
		if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
			return Optional.empty();
		}
		Issued found = this.issued.asMap().remove(hash(ticket));
		if (found == null || !this.clock.instant().isBefore(found.expiresAt())) {
			return Optional.empty();
		}
		return this.callers.resolve(found.user(), found.workspace());
	}

	/**
	 * The same caller as their membership is now; empty once it is no longer active.
	 */
	@AnyCaller("re-reads the caller's own membership")
	public Optional<Caller> again(Caller caller) {
		return this.callers.resolve(caller.userId(), caller.workspaceId());
	}

	private static String hash(String ticket) {
		return Sha256.hex(ticket);
	}

	private record Issued(UserId user, WorkspaceId workspace, Instant expiresAt) {
	}

	/** A ticket and the moment it stops working. */
	public record SocketTicket(String ticket, Instant expiresAt) {
	}

}
