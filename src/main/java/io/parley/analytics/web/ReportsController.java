package io.parley.analytics.web;

import io.parley.analytics.ReportRange;
import io.parley.analytics.Reports;
import io.parley.system.ApiResponse;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports over a range of the workspace's local days (docs/reports.md). */
@RestController
@RequestMapping(path = "/api/reports", produces = "application/json")
class ReportsController {

	private final Reports reports;

	ReportsController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/overview")
	@RequiresPermission(Permission.VIEW_REPORTS)
	ApiResponse overview(Caller caller, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		ReportRange range = this.reports.range(caller, from, to);
		return ApiResponse.ok(ReportViews.of(this.reports.overview(caller, range)));
	}

	@GetMapping("/agents")
	@RequiresPermission(Permission.VIEW_REPORTS)
	ApiResponse agents(Caller caller, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		ReportRange range = this.reports.range(caller, from, to);
		return ApiResponse.ok(ReportViews.of(this.reports.agents(caller, range)));
	}

}
