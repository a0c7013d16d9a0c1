// The pages' one way to call Parley's API: a JSON request in, the envelope's data out, or an
// Error whose message is the envelope's error (or why no answer came) for the page to show.
window.parleyApi = (function () {
	'use strict';
	return function call(path, body) {
		var options = { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
		if (body) {
			options.headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(body);
		}
		return fetch(path, options).catch(function () {
			throw new Error('Parley cannot be reached: check your connection and try again.');
		}).then(function (response) {
			return response.json().catch(function () {
				throw new Error('Parley did not answer as expected, try again later.');
			});
		}).then(function (envelope) {
			if (!envelope.success) {
				throw new Error(envelope.error);
			}
			return envelope.data;
		});
	};
}());
