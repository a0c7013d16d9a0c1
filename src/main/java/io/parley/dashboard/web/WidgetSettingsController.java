package io.parley.dashboard.web;

import java.util.Set;

import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.widget.ChatSettings;
import io.parley.widget.ChatSettingsStore;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The widget's chat settings ({@code settings.manage}, as
 * {@code PUT /api/chat/settings}): its look, texts, allowed domains and pre-chat form,
 * the embed snippet with the workspace's widget key, and a preview drawn from the form as
 * it is typed (decision 79).
 */
@Controller
class WidgetSettingsController {

	private final ChatSettingsStore settings;

	private final WidgetKeys keys;

	private final Validator validator;

	private final String publicUrl;

	private final FormRefusal refusal;

	WidgetSettingsController(ChatSettingsStore settings, WidgetKeys keys, Validator validator,
			@Value("${parley.public-url}") String publicUrl, FormRefusal refusal) {
		this.refusal = refusal;
		this.settings = settings;
		this.keys = keys;
		this.validator = validator;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@GetMapping("/app/settings/widget")
	String page(Caller caller, Model model) {
		caller.require(Permission.MANAGE_SETTINGS);
		ChatSettings current = this.settings.of(caller.workspaceId());
		return page(caller, WidgetSettingsForm.of(current), current, model);
	}

	private String page(Caller caller, WidgetSettingsForm form, ChatSettings current, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("preChatFields", form.preChatFields());
		model.addAttribute("themes", WidgetSettingsForm.THEMES);
		model.addAttribute("positions", WidgetSettingsForm.POSITIONS);
		model.addAttribute("preChatModes", WidgetSettingsForm.PRE_CHAT_MODES);
		model.addAttribute("snippet", "<script src=\"" + this.publicUrl + "/widget.js\" data-key=\""
				+ this.keys.keyOf(caller.workspaceId()) + "\" async></script>");
		model.addAttribute("everySite", current.allowedDomains().isEmpty());
		model.addAttribute("workspaceName", this.settings.workspaceName(caller.workspaceId()));
		return "app/settings-widget";
	}

	@PostMapping("/app/settings/widget")
	String save(Caller caller, @ModelAttribute WidgetSettingsForm form, Model model, HttpServletResponse response) {
		caller.require(Permission.MANAGE_SETTINGS);
		ChatSettings current = this.settings.of(caller.workspaceId());
		ChatSettings changed = form.applyTo(current);
		// the API's @Valid, for a form: any field out of bounds refuses the whole form,
		// each one marked where it is
		Set<ConstraintViolation<ChatSettings>> violations = this.validator.validate(changed);
		try {
			if (violations.isEmpty()) {
				this.settings.replace(caller.workspaceId(), changed);
				return "redirect:/app/settings/widget?saved";
			}
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.INVALID_REQUEST_SCHEMA) {
				throw ex;
			}
			// what the store checks beyond the bean constraints: the allowed domains
			this.refusal.invalid("allowedDomains", "settings.invalid.allowedDomains", model, response);
		}
		violations.forEach((violation) -> {
			String field = WidgetSettingsForm.fieldOf(violation.getPropertyPath().toString());
			this.refusal.invalid(field, "settings.invalid." + field, model, response);
		});
		return page(caller, form, current, model);
	}

}
