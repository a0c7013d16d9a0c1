package io.parley.workspace.web;

import io.parley.system.ApiResponse;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.SocketTickets;
import io.parley.workspace.SocketTickets.SocketTicket;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket to open the socket with ({@code /ws?ticket=}), for browsers, which must not
 * put their access token in a URL (decision 48). Any caller may open a socket, so any
 * caller may have one.
 */
@RestController
class SocketTicketController {

	private final SocketTickets tickets;

	SocketTicketController(SocketTickets tickets) {
		this.tickets = tickets;
	}

	@PostMapping(path = "/api/socket-tickets", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse issue(Caller caller) {
		SocketTicket ticket = this.tickets.issue(caller);
		return ApiResponse.ok(new TicketView(ticket.ticket(), Timestamps.format(ticket.expiresAt())));
	}

	record TicketView(String ticket, String expiresAt) {
	}

}
