// @mentions in internal notes: with "Internal note" ticked, "@" and the start of a name
// list the members who read notes; choosing one writes "@Name" and sends their id with
// the note, and the server notifies them once it is stored (decision 86).
(function () {
	'use strict';

	var box = document.getElementById('content');
	var menu = document.getElementById('mention-menu');
	var chosen = document.getElementById('mentions');
	var note = document.getElementById('note');
	var form = document.getElementById('reply');
	if (!box || !menu || !note) {
		return;
	}
	var choices = [];
	var active = -1;
	var asked = 0;

	function close() {
		menu.hidden = true;
		menu.textContent = '';
		choices = [];
		active = -1;
	}

	function partBeforeCaret() {
		var before = box.value.slice(0, box.selectionStart);
		var match = /(^|\s)@([^\s@]*)$/.exec(before);
		return match ? match[2] : null;
	}

	function highlight(index) {
		active = index;
		Array.prototype.forEach.call(menu.children, function (item, i) {
			item.setAttribute('aria-selected', i === index ? 'true' : 'false');
		});
	}

	function show(list) {
		menu.textContent = '';
		choices = list;
		if (list.length === 0) {
			var empty = document.createElement('li');
			empty.className = 'empty-choice';
			empty.textContent = menu.dataset.empty;
			menu.appendChild(empty);
		}
		list.forEach(function (choice, index) {
			var item = document.createElement('li');
			item.setAttribute('role', 'option');
			item.textContent = '@' + choice.name;
			item.addEventListener('mousedown', function (event) {
				event.preventDefault();
				pick(index);
			});
			menu.appendChild(item);
		});
		menu.hidden = false;
		highlight(list.length > 0 ? 0 : -1);
	}

	function pick(index) {
		var choice = choices[index];
		if (!choice) {
			return;
		}
		var caret = box.selectionStart;
		var before = box.value.slice(0, caret).replace(/@([^\s@]*)$/, '@' + choice.name + ' ');
		box.value = before + box.value.slice(caret);
		box.setSelectionRange(before.length, before.length);
		if (!chosen.querySelector('input[value="' + choice.id + '"]')) {
			var input = document.createElement('input');
			input.type = 'hidden';
			input.name = 'mentions';
			input.value = choice.id;
			chosen.appendChild(input);
		}
		close();
		box.focus();
	}

	box.addEventListener('input', function () {
		var part = note.checked ? partBeforeCaret() : null;
		if (part === null) {
			close();
			return;
		}
		var ask = ++asked;
		fetch('/app/members/mentionable?q=' + encodeURIComponent(part), { credentials: 'same-origin' })
			.then(function (response) {
				return response.ok ? response.json() : [];
			})
			.then(function (list) {
				if (ask === asked) {
					show(list);
				}
			});
	});

	box.addEventListener('keydown', function (event) {
		if (menu.hidden) {
			return;
		}
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			highlight(Math.max(0, Math.min(choices.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1))));
		}
		else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
			event.preventDefault();
			event.stopImmediatePropagation();
			pick(active);
		}
		else if (event.key === 'Escape') {
			close();
		}
	}, true);
	box.addEventListener('blur', close);

	// a reply the customer sees mentions nobody; a sent note's mentions are done
	note.addEventListener('change', function () {
		if (!note.checked) {
			chosen.textContent = '';
		}
	});
	form.addEventListener('htmx:afterRequest', function (event) {
		if (event.detail.successful) {
			chosen.textContent = '';
		}
	});
}());
