package io.parley.dashboard.web;

import io.parley.canned.CannedResponse;
import io.parley.canned.CannedResponses;
import io.parley.system.Page;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The canned responses the member sees, to write, change and delete: their own private
 * ones ({@code canned_responses.use}) and the workspace's shared ones
 * ({@code canned_responses.manage}), through {@link CannedResponses} as the REST API
 * (decision 81). A refused shortcut or text comes back beside its field.
 */
@Controller
class CannedResponseSettingsController {

	private static final String PAGE = "app/settings-canned-responses";

	private final CannedResponses responses;

	private final FormRefusal refusal;

	CannedResponseSettingsController(CannedResponses responses, FormRefusal refusal) {
		this.responses = responses;
		this.refusal = refusal;
	}

	@GetMapping("/app/settings/canned-responses")
	String list(Caller caller, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String cursor, Model model) {
		return list(caller, q, cursor, CannedResponseForm.EMPTY, model);
	}

	@PostMapping("/app/settings/canned-responses")
	String create(Caller caller, @ModelAttribute CannedResponseForm form, Model model, HttpServletResponse response) {
		try {
			this.responses.create(caller, form.edit());
		}
		catch (ParleyException ex) {
			refuse(ex, form, model, response);
			return list(caller, "", "", form, model);
		}
		return "redirect:/app/settings/canned-responses?saved";
	}

	@GetMapping("/app/settings/canned-responses/{id}")
	String edit(Caller caller, @PathVariable String id, Model model) {
		CannedResponse current = this.responses.get(caller, id);
		return editor(caller, current, CannedResponseForm.of(current), model);
	}

	@PostMapping("/app/settings/canned-responses/{id}")
	String save(Caller caller, @PathVariable String id, @ModelAttribute CannedResponseForm form, Model model,
			HttpServletResponse response) {
		try {
			this.responses.edit(caller, id, form.edit());
		}
		catch (ParleyException ex) {
			refuse(ex, form, model, response);
			return editor(caller, this.responses.get(caller, id), form, model);
		}
		return "redirect:/app/settings/canned-responses?saved";
	}

	@PostMapping("/app/settings/canned-responses/{id}/delete")
	String delete(Caller caller, @PathVariable String id) {
		this.responses.delete(caller, id);
		return "redirect:/app/settings/canned-responses?deleted";
	}

	private String list(Caller caller, String query, String cursor, CannedResponseForm form, Model model) {
		Page<CannedResponse> page = this.responses.list(caller, query, cursor, Page.MAX_LIMIT);
		model.addAttribute("responses", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("q", query);
		model.addAttribute("form", form);
		model.addAttribute("mayShare", this.responses.mayManageShared(caller));
		return PAGE;
	}

	private String editor(Caller caller, CannedResponse current, CannedResponseForm form, Model model) {
		model.addAttribute("editing", current);
		model.addAttribute("form", form);
		model.addAttribute("mayShare", this.responses.mayManageShared(caller));
		return "app/settings-canned-response";
	}

	/**
	 * A refusal of what was typed goes beside its field; one of the role is the error
	 * page.
	 */
	private void refuse(ParleyException ex, CannedResponseForm form, Model model, HttpServletResponse response) {
		switch (ex.code()) {
			case INVALID_SHORTCUT, SHORTCUT_TAKEN -> this.refusal.because(ex.code(), "shortcut", model, response);
			case INVALID_REQUEST_SCHEMA -> {
				String field = form.invalidField();
				this.refusal.invalid(field, "settings.invalid." + field, model, response);
			}
			default -> throw ex;
		}
	}

}
