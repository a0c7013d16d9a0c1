/*
 * The settings pages: the copy button of the embed snippet, and the widget preview, drawn from
 * the form as it is typed (decision 79). Texts go in as text; colors through the CSSOM, which the
 * page's CSP allows (no inline style).
 */
(function () {
	'use strict';

	document.querySelectorAll('[data-copies]').forEach(function (button) {
		button.addEventListener('click', function () {
			var source = document.getElementById(button.getAttribute('data-copies'));
			var status = document.getElementById('copy-status');
			var done = function () {
				if (status) {
					status.textContent = button.getAttribute('data-copied') || '';
				}
			};
			source.select();
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(source.value).then(done, function () {
					document.execCommand('copy');
					done();
				});
			}
			else {
				document.execCommand('copy');
				done();
			}
		});
	});

	var form = document.getElementById('widget-form');
	var preview = document.getElementById('preview');
	if (!form || !preview) {
		return;
	}

	function value(name) {
		var field = form.elements[name];
		return field ? field.value : '';
	}

	function draw() {
		var color = /^#[0-9a-fA-F]{6}$/.test(value('primaryColor')) ? value('primaryColor') : '#2563eb';
		preview.style.setProperty('--preview-primary', color);
		preview.setAttribute('data-theme', value('theme'));
		preview.setAttribute('data-position', value('position'));
		document.getElementById('preview-welcome').textContent = value('welcomeMessage');
		document.getElementById('preview-launcher').textContent = value('launcherTitle');
		var fields = document.getElementById('preview-fields');
		fields.textContent = '';
		['Name', 'Email', 'Phone'].forEach(function (name) {
			var mode = value('preChat' + name);
			if (mode === 'off') {
				return;
			}
			var label = document.querySelector('label[for="preChat' + name + '"]');
			var line = document.createElement('span');
			line.className = 'wp-field';
			line.textContent = (label ? label.textContent : name) + (mode === 'required' ? ' *' : '');
			fields.appendChild(line);
		});
	}

	form.addEventListener('input', draw);
	form.addEventListener('change', draw);
	draw();
}());
