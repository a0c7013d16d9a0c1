// The reports page: draws each chart from the JSON in its canvas's data-chart attribute
// (the page's Content-Security-Policy runs no inline script), again after htmx swapped
// in another range; sorts the table per agent; and shows a refused range (400) in place
// of the report instead of a toast.
(function () {
	'use strict';

	var lang = document.documentElement.lang || undefined;
	var dayFormat = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
	var charts = [];

	// the same units as the page's texts: the two largest, the rest cut off
	function duration(seconds, units) {
		var s = Math.floor(seconds);
		var parts = [['d', Math.floor(s / 86400)], ['h', Math.floor(s % 86400 / 3600)],
			['m', Math.floor(s % 3600 / 60)], ['s', s % 60]];
		var first = 0;
		while (first < 3 && parts[first][1] === 0) {
			first++;
		}
		var text = units[parts[first][0]].replace('{0}', parts[first][1]);
		if (first < 3 && parts[first + 1][1] > 0) {
			text += ' ' + units[parts[first + 1][0]].replace('{0}', parts[first + 1][1]);
		}
		return text;
	}

	function day(iso) {
		return dayFormat.format(new Date(iso + 'T00:00:00Z'));
	}

	// a step of whole minutes, hours or days, so the axis reads 30m, 1h, 1h 30m
	var steps = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

	function durationStep(series) {
		var max = 0;
		series.forEach(function (s) {
			s.values.forEach(function (v) {
				max = Math.max(max, v || 0);
			});
		});
		for (var i = 0; i < steps.length; i++) {
			if (max / steps[i] <= 8) {
				return steps[i];
			}
		}
		return steps[steps.length - 1];
	}

	var colors = ['#2f5bea', '#1e7d45', '#b3261e', '#8a6400'];

	function draw(canvas, units) {
		var data = JSON.parse(canvas.dataset.chart);
		var format = function (value) {
			if (data.unit === 'duration') {
				return duration(value, units);
			}
			return data.unit === 'percent' ? Math.round(value) + '%' : value;
		};
		var bars = data.unit === 'count';
		var y = { beginAtZero: true, ticks: { callback: format, precision: 0 } };
		if (data.unit === 'percent') {
			y.max = 100;
		}
		else if (data.unit === 'duration') {
			y.ticks.stepSize = durationStep(data.series);
		}
		return new window.Chart(canvas, {
			type: bars ? 'bar' : 'line',
			data: {
				labels: data.labels.map(day),
				datasets: data.series.map(function (series, index) {
					return {
						label: series.label,
						data: series.values,
						backgroundColor: colors[index],
						borderColor: colors[index],
						spanGaps: true,
						pointRadius: 3
					};
				})
			},
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: { y: y },
				plugins: {
					tooltip: {
						callbacks: {
							label: function (item) {
								return item.dataset.label + ': ' + format(item.parsed.y);
							}
						}
					}
				}
			}
		});
	}

	function drawAll() {
		charts.forEach(function (chart) {
			chart.destroy();
		});
		charts = [];
		var report = document.getElementById('report');
		if (!report || !window.Chart) {
			return;
		}
		var units = {
			d: report.dataset.unitD, h: report.dataset.unitH, m: report.dataset.unitM, s: report.dataset.unitS
		};
		report.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
			charts.push(draw(canvas, units));
		});
		report.querySelectorAll('time[data-date]').forEach(function (time) {
			time.textContent = day(time.getAttribute('datetime'));
		});
	}

	// a header's button sorts by its column; again reverses
	function sort(header) {
		var table = header.closest('table');
		var column = Array.prototype.indexOf.call(header.parentNode.children, header);
		var ascending = header.getAttribute('aria-sort') !== 'ascending';
		var numeric = header.dataset.sort === 'number';
		var body = table.tBodies[0];
		var rows = Array.prototype.slice.call(body.rows);
		rows.sort(function (a, b) {
			var x = a.cells[column].dataset.key;
			var y = b.cells[column].dataset.key;
			var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, lang);
			return ascending ? order : -order;
		});
		rows.forEach(function (row) {
			body.appendChild(row);
		});
		table.querySelectorAll('thead th').forEach(function (th) {
			th.removeAttribute('aria-sort');
		});
		header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
	}

	document.addEventListener('click', function (event) {
		var button = event.target.closest('table.sortable thead button');
		if (button) {
			sort(button.closest('th'));
		}
	});

	document.addEventListener('htmx:beforeSwap', function (event) {
		if (event.detail.xhr.status === 400 && event.detail.target.id === 'report') {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});

	// another range swapped in, or the back button's page restored from the server
	document.addEventListener('htmx:afterSettle', drawAll);
	document.addEventListener('htmx:historyRestore', drawAll);

	document.addEventListener('DOMContentLoaded', drawAll);
}());
