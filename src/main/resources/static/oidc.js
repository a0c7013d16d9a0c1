(function () {
	'use strict';
	// The callback left a one-time code in a cookie only this exchange receives; its answer
	// is a session's tokens, the account linked, or why the provider's sign-in was refused.
	var status = document.getElementById('status');

	function show(text, kind) {
		status.textContent = text;
		status.className = kind || '';
	}

	var call = window.parleyApi;

	function signedIn(data) {
		// the tab's session, for the dashboard on this origin; gone when the tab closes
		window.sessionStorage.setItem('parley.session', JSON.stringify(data));
		show('You are signed in.', 'done');
	}

	// the account's second factor, as after a password
	function secondStep(challenge) {
		var form = document.getElementById('second-step');
		var button = form.querySelector('button');
		show('Your account asks for its second factor.');
		form.hidden = false;
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			button.disabled = true;
			call('/auth/login/two-factor', { challenge: challenge, code: document.getElementById('code').value })
				.then(function (data) {
					form.hidden = true;
					signedIn(data);
				}).catch(function (error) {
					show(error.message, 'error');
					button.disabled = false;
				});
		});
	}

	call('/auth/oidc/exchange').then(function (data) {
		if (data.token) {
			signedIn(data);
		}
		else if (data.twoFactorRequired && data.enrolmentRequired) {
			show('Your workspace requires two-factor authentication: sign in with your password once to set it up.',
				'error');
		}
		else if (data.twoFactorRequired) {
			secondStep(data.challenge);
		}
		else {
			show('Your account is now linked: you can sign in with ' + data.provider + '.', 'done');
		}
	}).catch(function (error) {
		show(error.message, 'error');
	});
})();
