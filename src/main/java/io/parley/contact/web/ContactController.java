package io.parley.contact.web;

import java.util.List;
import java.util.Map;

import io.parley.contact.ContactBook;
import io.parley.contact.ContactDetails;
import io.parley.contact.ContactNotebook;
import io.parley.contact.ContactPage;
import io.parley.system.ApiResponse;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's contacts and the staff's notes on them.
 */
@RestController
@RequestMapping(path = "/api/contacts", produces = "application/json")
class ContactController {

	private final ContactBook book;

	private final ContactNotebook notebook;

	ContactController(ContactBook book, ContactNotebook notebook) {
		this.book = book;
		this.notebook = notebook;
	}

	@GetMapping
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse list(Caller caller, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + ContactBook.DEFAULT_PAGE_SIZE) @Min(1) @Max(100) int limit) {
		ContactPage page = this.book.list(caller, q, cursor, limit);
		return ApiResponse.ok(new PageView(page.items().stream().map(ContactView::of).toList(), page.nextCursor()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse add(Caller caller, @Valid @RequestBody AddRequest request) {
		ContactDetails details = new ContactDetails(request.name(), request.email(), request.phone(),
				(request.attributes() != null) ? Attributes.serialize(request.attributes()) : null);
		return ApiResponse.ok(ContactView.of(this.book.add(caller, details)));
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(ContactView.of(this.book.get(caller, id)));
	}

	@PatchMapping("/{id}")
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse edit(Caller caller, @PathVariable String id, @Valid @RequestBody EditRequest request) {
		return ApiResponse.ok(ContactView.of(this.book.edit(caller, id, request.edit())));
	}

	@GetMapping("/{id}/notes")
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse notes(Caller caller, @PathVariable String id,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return ApiResponse.ok(this.notebook.notes(caller, id, cursor, limit).map(NoteView::of));
	}

	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse write(Caller caller, @PathVariable String id, @Valid @RequestBody NoteRequest request) {
		return ApiResponse.ok(NoteView.of(this.notebook.write(caller, id, request.content())));
	}

	@DeleteMapping("/{id}/notes/{noteId}")
	@RequiresPermission(Permission.MANAGE_CONTACTS)
	ApiResponse erase(Caller caller, @PathVariable String id, @PathVariable String noteId) {
		String erased = this.notebook.erase(caller, id, noteId).id().toString();
		return ApiResponse.ok(Map.of("id", erased, "deleted", true));
	}

	record AddRequest(@Size(min = 1, max = 200) String name, @Email @Size(min = 3, max = 254) String email,
			@Size(max = 40) String phone, JsonNode attributes) {
	}

	record NoteRequest(@NotBlank @Size(max = 5000) String content) {
	}

	record PageView(List<ContactView> items, String nextCursor) {
	}

}
