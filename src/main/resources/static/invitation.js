(function () {
	'use strict';
	// The secret travels in the fragment, which browsers never send to a server, and in
	// request bodies; once read it leaves the address bar (and the history), so that it is
	// not shown, bookmarked or shared with the page.
	var secret = window.location.hash.slice(1);
	if (secret) {
		window.history.replaceState(null, '', window.location.pathname + window.location.search);
	}
	var status = document.getElementById('status');

	// Another link pasted into this tab changes only the fragment, which loads nothing.
	window.addEventListener('hashchange', function () {
		window.location.reload();
	});

	function show(text, kind) {
		status.textContent = text;
		status.className = kind || '';
	}

	var call = window.parleyApi;

	if (!secret) {
		show('This link is incomplete: open the link from your invitation email.', 'error');
		return;
	}

	call('api/invitation-links/lookup', { secret: secret }).then(function (invitation) {
		document.getElementById('workspace').textContent = invitation.workspaceName;
		document.getElementById('email').textContent = invitation.email;
		document.getElementById('role').textContent = invitation.role;
		document.getElementById('expires').textContent = new Date(invitation.expiresAt).toLocaleString();
		var newAccount = !invitation.accountExists;
		document.getElementById('name-field').hidden = !newAccount;
		document.getElementById('name').required = newAccount;
		document.getElementById('password').minLength = newAccount ? 6 : 0;
		document.getElementById('password').autocomplete = newAccount ? 'new-password' : 'current-password';
		document.getElementById('hint').textContent = newAccount
			? 'Choose your name and a password (at least 6 characters) for your new account.'
			: 'You already have an account with this email: enter its password.';
		show('You are invited to join this workspace.');
		document.getElementById('invitation').hidden = false;

		var button = document.querySelector('#accept button');
		document.getElementById('accept').addEventListener('submit', function (event) {
			event.preventDefault();
			// One request at a time: a second click would be refused as a used link.
			button.disabled = true;
			var body = { secret: secret, password: document.getElementById('password').value };
			if (newAccount) {
				body.name = document.getElementById('name').value;
			}
			show('Accepting…');
			call('api/invitation-links/accept', body).then(function (membership) {
				document.getElementById('invitation').hidden = true;
				document.getElementById('password').value = '';
				show('Welcome to ' + membership.name + '! You are now a member as ' + membership.role
					+ '. Sign in with ' + invitation.email + '.', 'done');
			}).catch(function (error) {
				show(error.message, 'error');
				button.disabled = false;
			});
		});
	}).catch(function (error) {
		show(error.message, 'error');
	});
})();
