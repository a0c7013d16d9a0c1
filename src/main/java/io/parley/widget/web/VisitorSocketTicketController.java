package io.parley.widget.web;

import io.parley.system.ApiResponse;
import io.parley.system.Timestamps;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorSocketTickets;
import io.parley.widget.VisitorSocketTickets.Ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket for the visitor's socket ({@code /ws?visitorTicket=}) or event stream, so that
 * their visitor token stays out of URLs (decision 65).
 */
@RestController
class VisitorSocketTicketController {

	private final VisitorSocketTickets tickets;

	VisitorSocketTicketController(VisitorSocketTickets tickets) {
		this.tickets = tickets;
	}

	@PostMapping(path = "/api/widget/socket-tickets", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse issue(Visitor visitor) {
		Ticket ticket = this.tickets.issue(visitor);
		return ApiResponse.ok(new TicketView(ticket.ticket(), Timestamps.format(ticket.expiresAt())));
	}

	record TicketView(String ticket, String expiresAt) {

		/** Keeps the secret out of logs and exception messages. */
		@Override
		public String toString() {
			return "TicketView[secrets redacted]";
		}

	}

}
