// The dashboard's page behaviour: the CSRF header on htmx requests, local times,
// the workspace switcher, and the inbox's keyboard shortcuts. No inline scripts: the
// pages' Content-Security-Policy allows only files from Parley itself.
(function () {
	'use strict';

	function csrfToken() {
		var meta = document.querySelector('meta[name="csrf-token"]');
		return meta ? meta.content : null;
	}

	document.addEventListener('htmx:configRequest', function (event) {
		var token = csrfToken();
		if (token) {
			event.detail.headers['X-CSRF-TOKEN'] = token;
		}
	});

	var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
		dateStyle: 'medium', timeStyle: 'short'
	});

	function localTimes(root) {
		root.querySelectorAll('time[datetime]').forEach(function (time) {
			var date = new Date(time.getAttribute('datetime'));
			if (!isNaN(date)) {
				time.textContent = timeFormat.format(date);
			}
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		localTimes(document);
		document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
			select.addEventListener('change', function () {
				select.form.submit();
			});
		});
	});
	document.addEventListener('htmx:afterSwap', function (event) {
		localTimes(event.detail.target.parentNode || document);
	});

	// keyboard: j/k move through the inbox, Enter opens, / searches, ? shows the list
	function typing(target) {
		return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
	}

	function rows() {
		return Array.prototype.slice.call(document.querySelectorAll('#list .row a.open'));
	}

	function move(step) {
		var links = rows();
		if (links.length === 0) {
			return;
		}
		var index = links.indexOf(document.activeElement);
		var next = (index < 0) ? 0 : Math.min(links.length - 1, Math.max(0, index + step));
		links[next].focus();
	}

	function focusedRow() {
		var active = document.activeElement;
		return (active && active.closest) ? active.closest('#list .row') : null;
	}

	// e resolves, a assigns to oneself, x selects: on the conversation whose row has focus
	function act(key, row) {
		var id = row.dataset.id;
		if (key === 'x') {
			var box = row.querySelector('input.select');
			if (box) {
				box.checked = !box.checked;
			}
			return;
		}
		var header = document.querySelector('header.top');
		var path = '/app/conversations/' + id + (key === 'e' ? '/status' : '/assign');
		var values = key === 'e' ? { status: 'resolved' } : { agentId: header ? header.dataset.me : '' };
		window.htmx.ajax('POST', path, { values: values, swap: 'none', source: row }).then(function () {
			var list = document.getElementById('list');
			if (list) {
				window.htmx.trigger(list, 'refresh');
			}
		});
	}

	document.addEventListener('keydown', function (event) {
		if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
			return;
		}
		var shortcuts = document.getElementById('shortcuts');
		if (event.key === 'j') {
			move(1);
		}
		else if (event.key === 'k') {
			move(-1);
		}
		else if ((event.key === 'e' || event.key === 'a' || event.key === 'x') && focusedRow()) {
			act(event.key, focusedRow());
		}
		else if (event.key === '/') {
			var search = document.getElementById('q');
			if (search) {
				event.preventDefault();
				search.focus();
			}
		}
		else if (event.key === '?' && shortcuts) {
			shortcuts.showModal();
		}
	});

	// a toast says what arrived; the region is aria-live, so screen readers say it too
	function toast(title, text) {
		var region = document.getElementById('toasts');
		if (!region) {
			return;
		}
		var item = document.createElement('div');
		item.className = 'toast';
		var strong = document.createElement('strong');
		strong.textContent = title;
		item.appendChild(strong);
		if (text) {
			var body = document.createElement('span');
			body.textContent = text;
			item.appendChild(body);
		}
		region.appendChild(item);
		setTimeout(function () {
			item.remove();
		}, 6000);
	}

	// a refused action says why: the error fragment's text, as a toast
	document.addEventListener('htmx:responseError', function (event) {
		if (event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('[data-inline-errors]')) {
			return;
		}
		var holder = document.createElement('div');
		holder.innerHTML = event.detail.xhr.responseText;
		var error = holder.querySelector('.error');
		toast(error ? error.textContent : String(event.detail.xhr.status), '');
	});

	window.Parley = window.Parley || {};
	window.Parley.toast = toast;
	window.Parley.csrfToken = csrfToken;
	window.Parley.localTimes = localTimes;
}());
