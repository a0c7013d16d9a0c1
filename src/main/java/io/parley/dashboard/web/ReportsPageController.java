package io.parley.dashboard.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.parley.analytics.ReportRange;
import io.parley.analytics.Reports;
import io.parley.analytics.TeamAnalytics;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page (issue 12): the totals, charts per day and the table per agent of a
 * range of the workspace's local days, from the same {@link Reports} the REST API calls,
 * which checks {@code reports.view}. Without dates it shows the last 30 days; a range
 * that is none is said on the page (400), with the form to correct it. An htmx request
 * (the form, a preset) gets the report's fragment; a history restore the whole page.
 */
@Controller
class ReportsPageController {

	static final List<Integer> PRESETS = List.of(7, 30, 90);

	private final Reports reports;

	private final WorkspaceAccess workspaces;

	private final MessageSource messages;

	private final JsonMapper json;

	private final TeamAnalytics teams;

	ReportsPageController(Reports reports, WorkspaceAccess workspaces, MessageSource messages, JsonMapper json,
			TeamAnalytics teams) {
		this.teams = teams;
		this.reports = reports;
		this.workspaces = workspaces;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/app/reports")
	String page(Caller caller, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) @Nullable String restore,
			Locale locale, Model model, HttpServletResponse response) {
		// checks reports.view before anything else, and knows today in the workspace
		LocalDate today = this.reports.range(caller, null, null).to();
		model.addAttribute("timeZone", this.workspaces.timeZone(caller.workspaceId()).getId());
		// seed 003's table per supervisor, for those who see the workspace's analytics
		model.addAttribute("teams",
				caller.can(Permission.VIEW_ANALYTICS) ? this.teams.bySupervisor(caller.workspaceId()) : null);
		try {
			ReportRange range = this.reports.range(caller, from, to);
			model.addAttribute("report", ReportPage.of(this.reports.overview(caller, range),
					this.reports.agents(caller, range), new ReportFormat(this.messages, locale), this.json));
			model.addAttribute("from", range.from().toString());
			model.addAttribute("to", range.to().toString());
			model.addAttribute("presets", presets(today, range));
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.INVALID_REQUEST_SCHEMA) {
				throw ex;
			}
			response.setStatus(ex.code().status());
			model.addAttribute("rangeError", true);
			model.addAttribute("from", shortened(from));
			model.addAttribute("to", shortened(to));
			model.addAttribute("presets", presets(today, null));
		}
		return (htmx != null && restore == null) ? "app/reports :: report" : "app/reports";
	}

	private static List<Preset> presets(LocalDate today, @Nullable ReportRange shown) {
		return PRESETS.stream().map((days) -> {
			LocalDate from = today.minusDays(days - 1);
			boolean current = shown != null && shown.from().equals(from) && shown.to().equals(today);
			return new Preset(days, from.toString(), today.toString(), current);
		}).toList();
	}

	/** What the member typed, back into the form, never longer than a date could be. */
	private static String shortened(@Nullable String value) {
		return (value == null) ? "" : value.substring(0, Math.min(value.length(), 32));
	}

	/** A quick range: the last {@code days} days, today included. */
	public record Preset(int days, String from, String to, boolean current) {
	}

}
