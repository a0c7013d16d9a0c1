package io.parley.dashboard.web;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Workspace;
import io.parley.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settings index, listing the sections the member may open, and the workspace's own
 * settings: its name, the time zone of its reports, and whether its staff must use a
 * second factor ({@code settings.manage}, checked by {@link WorkspaceAccess#update}).
 */
@Controller
class SettingsPageController {

	/** The zone ids offered in the select, sorted; the server accepts any Java knows. */
	static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final WorkspaceAccess workspaces;

	private final FormRefusal refusal;

	SettingsPageController(WorkspaceAccess workspaces, FormRefusal refusal) {
		this.workspaces = workspaces;
		this.refusal = refusal;
	}

	@GetMapping("/app/settings")
	String index(Caller caller, Model model) {
		model.addAttribute("sections", SettingsSection.openTo(caller));
		return "app/settings";
	}

	@GetMapping("/app/settings/workspace")
	String workspace(Caller caller, Model model) {
		SettingsSection.WORKSPACE.requireOpenTo(caller);
		Workspace workspace = this.workspaces.current(caller);
		return form(new WorkspaceForm(workspace.name(), workspace.timeZone().getId(), workspace.requireTwoFactor()),
				model);
	}

	@PostMapping("/app/settings/workspace")
	String changeWorkspace(Caller caller, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "false") boolean requireTwoFactor, Model model, HttpServletResponse response) {
		try {
			this.workspaces.update(caller, name, null, requireTwoFactor, timeZone);
		}
		catch (ParleyException ex) {
			if (ex.code() == ErrorCode.INVALID_REQUEST_SCHEMA) {
				this.refusal.invalid(name.isBlank() ? "name" : "timeZone",
						name.isBlank() ? "settings.invalid.name" : "settings.invalid.timeZone", model, response);
			}
			else if (ex.code() == ErrorCode.TWO_FACTOR_REQUIRED) {
				this.refusal.because(ex.code(), "requireTwoFactor", "settings.invalid.requireTwoFactor", model,
						response);
			}
			else {
				throw ex;
			}
			return form(new WorkspaceForm(name, timeZone, requireTwoFactor), model);
		}
		return "redirect:/app/settings/workspace?saved";
	}

	private String form(WorkspaceForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("zones", zonesWith(form.timeZone()));
		return "app/settings-workspace";
	}

	/**
	 * The offered zones, and the workspace's own when it is none of them ({@code UTC}).
	 */
	private static List<String> zonesWith(String current) {
		if (ZONES.contains(current) || current.isBlank()) {
			return ZONES;
		}
		return Stream.concat(Stream.of(current), ZONES.stream()).toList();
	}

	/** The workspace's settings as the form shows them: stored, or as typed. */
	public record WorkspaceForm(String name, String timeZone, boolean requireTwoFactor) {
	}

}
