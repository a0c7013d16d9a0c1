/*
 * The members' and roles' settings forms: a refused htmx form (400, 403, 409) answers
 * itself again with the reason beside the field, so that answer is swapped in like any
 * other instead of becoming a toast; and after a row is swapped, the keyboard focus goes
 * back to the control that sent it (or to the first one of the new row).
 */
(function () {
	'use strict';

	var focused = null;

	var row = null;

	document.addEventListener('htmx:beforeRequest', function (event) {
		if (!event.detail.elt.closest('[data-swaps-errors]')) {
			return;
		}
		var active = document.activeElement;
		focused = (active && active.id) ? active.id : null;
		row = event.detail.target ? event.detail.target.id : null;
	});

	document.addEventListener('htmx:beforeSwap', function (event) {
		var status = event.detail.xhr.status;
		if (status >= 400 && status < 500 && event.detail.elt.closest('[data-swaps-errors]')) {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});

	document.addEventListener('htmx:afterSettle', function () {
		var swapped = row && document.getElementById(row);
		if (!swapped) {
			return;
		}
		// a reason shown beside the field is read out by its role=alert
		// deactivating swaps the button for "Reactivate", and back
		var twin = !focused ? null : (focused.indexOf('deactivate-') === 0) ? focused.substring(2)
			: (focused.indexOf('activate-') === 0) ? 'de' + focused : null;
		var again = (focused && document.getElementById(focused)) || (twin && document.getElementById(twin))
			|| swapped.querySelector('button, select');
		row = null;
		focused = null;
		if (again) {
			again.focus();
		}
	});
}());
