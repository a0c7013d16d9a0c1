package io.parley.dashboard.web;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import io.parley.workspace.Caller;
import io.parley.workspace.Workspace;
import io.parley.workspace.WorkspaceAccess;

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

	SettingsPageController(WorkspaceAccess workspaces) {
		this.workspaces = workspaces;
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
		model.addAttribute("workspace", workspace);
		model.addAttribute("zones", zonesWith(workspace.timeZone().getId()));
		return "app/settings-workspace";
	}

	@PostMapping("/app/settings/workspace")
	String changeWorkspace(Caller caller, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "false") boolean requireTwoFactor) {
		this.workspaces.update(caller, name, null, requireTwoFactor, timeZone);
		return "redirect:/app/settings/workspace?saved";
	}

	/**
	 * The offered zones, and the workspace's own when it is none of them ({@code UTC}).
	 */
	private static List<String> zonesWith(String current) {
		if (ZONES.contains(current)) {
			return ZONES;
		}
		return Stream.concat(Stream.of(current), ZONES.stream()).toList();
	}

}
