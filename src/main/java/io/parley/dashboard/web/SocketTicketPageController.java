package io.parley.dashboard.web;

import java.util.Map;

import io.parley.workspace.Caller;
import io.parley.workspace.SocketTickets;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A socket ticket for the dashboard's live updates (decision 48): the session cookie and
 * the CSRF token ask for it, as the access token does over the API.
 */
@RestController
class SocketTicketPageController {

	private final SocketTickets tickets;

	SocketTicketPageController(SocketTickets tickets) {
		this.tickets = tickets;
	}

	@PostMapping(path = "/app/socket-ticket", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> issue(Caller caller) {
		return Map.of("ticket", this.tickets.issue(caller).ticket());
	}

}
