package io.parley.dashboard.web;

import io.parley.system.ErrorCode;
import io.parley.workspace.Availability;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberAdministration;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent's availability toggle in the header: online, away or offline (seed 004). */
@Controller
class AvailabilityController {

	private final MemberAdministration members;

	AvailabilityController(MemberAdministration members) {
		this.members = members;
	}

	@PostMapping("/app/availability")
	ResponseEntity<Void> change(Caller caller, @RequestParam(defaultValue = "") String availability,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx) {
		Availability chosen = Availability.parse(availability).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		this.members.setAvailability(caller, chosen);
		if (htmx != null) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/app/inbox").build();
	}

}
