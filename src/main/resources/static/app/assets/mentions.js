// @mentions in internal notes: with "Internal note" ticked, "@" and the start of a name
// list the members who read notes; the one taken is written "@Name" and sent with the
// note, and the server notifies them once it is stored (decision 86).
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

	function pick(choice) {
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
		box.focus();
	}

	window.Parley.picker(box, menu, {
		query: function () {
			if (!note.checked) {
				return null;
			}
			var match = /(^|\s)@([^\s@]*)$/.exec(box.value.slice(0, box.selectionStart));
			return match ? match[2] : null;
		},
		load: function (text) {
			return window.Parley.json('/app/members/mentionable?q=' + encodeURIComponent(text));
		},
		render: function (choice) {
			return document.createTextNode('@' + choice.name);
		},
		pick: pick
	});

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
