// A menu under the reply box that completes what is typed: canned responses after "/",
// members after "@". The box keeps the focus; arrow keys move through the choices
// (announced through aria-activedescendant), Enter or Tab takes one, Escape closes.
(function () {
	'use strict';

	/**
	 * @param options.query the text typed that the menu completes, or null for no menu
	 * @param options.load a promise of the choices for that text
	 * @param options.render the option's content for a choice (a DOM node)
	 * @param options.pick what taking a choice does
	 */
	function picker(box, menu, options) {
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

		function take(index) {
			var choice = choices[index];
			close();
			if (choice) {
				options.pick(choice);
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
				item.id = menu.id + '-' + index;
				item.setAttribute('role', 'option');
				item.appendChild(options.render(choice));
				item.addEventListener('mousedown', function (event) {
					event.preventDefault();
					take(index);
				});
				menu.appendChild(item);
			});
			menu.hidden = false;
			highlight(list.length > 0 ? 0 : -1);
		}

		box.addEventListener('input', function () {
			var text = options.query();
			if (text === null) {
				close();
				return;
			}
			var ask = ++asked;
			options.load(text).then(function (list) {
				if (ask === asked && options.query() !== null) {
					show(list);
				}
			});
		});

		// before the reply's own Enter handler, so Enter takes a choice instead of sending
		box.addEventListener('keydown', function (event) {
			if (menu.hidden) {
				return;
			}
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				var step = event.key === 'ArrowDown' ? 1 : -1;
				highlight(Math.max(0, Math.min(choices.length - 1, active + step)));
			}
			else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
				event.preventDefault();
				event.stopImmediatePropagation();
				take(active);
			}
			else if (event.key === 'Escape') {
				close();
			}
		}, true);
		box.addEventListener('blur', close);
	}

	function json(url) {
		return fetch(url, { credentials: 'same-origin' }).then(function (response) {
			return response.ok ? response.json() : [];
		});
	}

	window.Parley = window.Parley || {};
	window.Parley.picker = picker;
	window.Parley.json = json;
}());
