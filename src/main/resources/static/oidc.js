(function () {
	'use strict';
	// The callback left a one-time code in a cookie only this exchange receives; its answer
	// is a session's tokens, the account linked, or why the provider's sign-in was refused.
	var status = document.getElementById('status');

	function show(text, kind) {
		status.textContent = text;
		status.className = kind || '';
	}

	fetch('/auth/oidc/exchange', { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
		.catch(function () {
			throw new Error('Parley cannot be reached: check your connection and try again.');
		}).then(function (response) {
			return response.json().catch(function () {
				throw new Error('Parley did not answer as expected, try again later.');
			});
		}).then(function (envelope) {
			if (!envelope.success) {
				throw new Error(envelope.error);
			}
			var data = envelope.data;
			if (data.token) {
				// the tab's session, for the dashboard on this origin; gone when the tab closes
				window.sessionStorage.setItem('parley.session', JSON.stringify(data));
				show('You are signed in.', 'done');
			}
			else {
				show('Your account is now linked: you can sign in with ' + data.provider + '.', 'done');
			}
		}).catch(function (error) {
			show(error.message, 'error');
		});
})();
