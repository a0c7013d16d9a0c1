// The reply box's "/" menu: typing "/" at the start of the reply lists the canned
// responses whose shortcut or text matches what follows; the one taken is put into the
// reply filled in for this conversation ({{contact.name}}, ...; decision 82).
(function () {
	'use strict';

	var box = document.getElementById('content');
	var menu = document.getElementById('canned-menu');
	var conversationId = document.body.dataset.conversationId;
	if (!box || !menu) {
		return;
	}

	function insert(choice) {
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

	window.Parley.picker(box, menu, {
		query: function () {
			var match = /^\/(\S*)$/.exec(box.value);
			return match ? match[1] : null;
		},
		load: function (text) {
			return window.Parley.json('/app/canned-responses/menu?q=' + encodeURIComponent(text));
		},
		render: function (choice) {
			var line = document.createDocumentFragment();
			var shortcut = document.createElement('strong');
			shortcut.textContent = '/' + choice.shortcut;
			var title = document.createElement('span');
			title.textContent = choice.title;
			line.appendChild(shortcut);
			line.appendChild(title);
			return line;
		},
		pick: insert
	});
}());
