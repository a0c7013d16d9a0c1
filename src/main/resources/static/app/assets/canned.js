// The reply box's "/" menu: typing "/" at the start of the reply lists the canned
// responses whose shortcut or text matches what follows; arrow keys choose, Enter or a
// click inserts the response filled in for this conversation ({{contact.name}}, ...).
(function () {
	'use strict';

	var box = document.getElementById('content');
	var menu = document.getElementById('canned-menu');
	var conversationId = document.body.dataset.conversationId;
	if (!box || !menu) {
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
		box.removeAttribute('aria-activedescendant');
	}

	function highlight(index) {
		active = index;
		Array.prototype.forEach.call(menu.children, function (item, i) {
			item.setAttribute('aria-selected', i === index ? 'true' : 'false');
		});
		if (index >= 0 && menu.children[index]) {
			box.setAttribute('aria-activedescendant', menu.children[index].id);
		}
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
			item.id = 'canned-' + choice.id;
			item.setAttribute('role', 'option');
			var shortcut = document.createElement('strong');
			shortcut.textContent = '/' + choice.shortcut;
			var title = document.createElement('span');
			title.textContent = choice.title;
			item.appendChild(shortcut);
			item.appendChild(title);
			item.addEventListener('mousedown', function (event) {
				event.preventDefault();
				insert(index);
			});
			menu.appendChild(item);
		});
		menu.hidden = false;
		highlight(list.length > 0 ? 0 : -1);
	}

	function insert(index) {
		var choice = choices[index];
		if (!choice) {
			return;
		}
		close();
		fetch('/app/canned-responses/' + encodeURIComponent(choice.id) + '/render', {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'X-CSRF-TOKEN': window.Parley.csrfToken() || '',
				'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'conversationId=' + encodeURIComponent(conversationId)
		}).then(function (response) {
			return response.ok ? response.json() : null;
		}).then(function (rendered) {
			if (rendered) {
				box.value = rendered.body;
				box.focus();
				box.setSelectionRange(box.value.length, box.value.length);
			}
		});
	}

	box.addEventListener('input', function () {
		var match = /^\/(\S*)$/.exec(box.value);
		if (!match) {
			close();
			return;
		}
		var ask = ++asked;
		fetch('/app/canned-responses/menu?q=' + encodeURIComponent(match[1]), { credentials: 'same-origin' })
			.then(function (response) {
				return response.ok ? response.json() : [];
			})
			.then(function (list) {
				if (ask === asked && /^\//.test(box.value)) {
					show(list);
				}
			});
	});

	// runs before the reply's own Enter handler, so Enter inserts instead of sending
	box.addEventListener('keydown', function (event) {
		if (menu.hidden) {
			return;
		}
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			var step = event.key === 'ArrowDown' ? 1 : -1;
			highlight(Math.max(0, Math.min(choices.length - 1, active + step)));
		}
		else if (event.key === 'Enter' || event.key === 'Tab') {
			if (active >= 0) {
				event.preventDefault();
				event.stopImmediatePropagation();
				insert(active);
			}
		}
		else if (event.key === 'Escape') {
			close();
		}
	}, true);
	box.addEventListener('blur', close);
}());
