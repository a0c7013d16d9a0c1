// The dashboard's live connection: one socket per page, opened with a ticket the
// session asks for, subscribed to the inbox, and opened again after every drop, network
// change or sleep of the machine. After each (re)connect the page catches up on what it
// missed (the inbox list is read again, a conversation joins with afterSequence), so
// nothing is missing once the state says "connected".
(function () {
	'use strict';

	var indicator = document.getElementById('connection');
	var handlers = {};
	var openHandlers = [];
	var socket = null;
	var attempt = 0;
	var retryTimer = null;
	var lastTick = Date.now();
	var activity = document.getElementById('list') !== null || document.body.dataset.page === 'conversation';

	function state(name) {
		if (indicator) {
			indicator.dataset.state = name;
			indicator.textContent = indicator.dataset[name] || name;
		}
		document.body.dataset.connection = name;
	}

	function dispatch(frame) {
		(handlers[frame.event] || []).forEach(function (handler) {
			handler(frame.data || {});
		});
	}

	function send(event, data) {
		if (socket && socket.readyState === WebSocket.OPEN) {
			socket.send(JSON.stringify({ event: event, data: data || {} }));
			return true;
		}
		return false;
	}

	function retry() {
		if (retryTimer !== null) {
			return;
		}
		state('offline');
		var delay = Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
		attempt++;
		retryTimer = setTimeout(function () {
			retryTimer = null;
			connect();
		}, delay);
	}

	function connect() {
		if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) {
			return;
		}
		state('connecting');
		fetch('/app/socket-ticket', {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'X-CSRF-TOKEN': window.Parley.csrfToken() || '' }
		}).then(function (response) {
			if (response.status === 401 || response.redirected) {
				window.location.assign('/app/login');
				throw new Error('signed out');
			}
			if (!response.ok) {
				throw new Error('ticket ' + response.status);
			}
			return response.json();
		}).then(function (body) {
			var scheme = (window.location.protocol === 'https:') ? 'wss://' : 'ws://';
			var opened = new WebSocket(scheme + window.location.host + '/ws?ticket=' + encodeURIComponent(body.ticket));
			socket = opened;
			opened.onopen = function () {
				attempt = 0;
				// the inbox and a conversation also want to hear of new messages
				send('SUBSCRIBE_INBOX', { activity: activity });
				openHandlers.forEach(function (handler) {
					handler();
				});
			};
			opened.onmessage = function (message) {
				var frame;
				try {
					frame = JSON.parse(message.data);
				}
				catch (ignored) {
					return;
				}
				if (frame.event === 'INBOX_SUBSCRIBED') {
					state('connected');
				}
				dispatch(frame);
			};
			opened.onclose = function () {
				if (socket === opened) {
					socket = null;
					retry();
				}
			};
		}).catch(function () {
			retry();
		});
	}

	function reconnectNow() {
		if (retryTimer !== null) {
			clearTimeout(retryTimer);
			retryTimer = null;
		}
		attempt = 0;
		if (socket) {
			var stale = socket;
			socket = null;
			stale.onclose = null;
			stale.close();
		}
		connect();
	}

	// a machine that slept leaves a socket that looks open and is dead: a tick that
	// comes far too late tells of the sleep, and the socket is opened anew
	setInterval(function () {
		var now = Date.now();
		if (now - lastTick > 15000) {
			reconnectNow();
		}
		lastTick = now;
	}, 5000);
	window.addEventListener('online', reconnectNow);
	window.addEventListener('offline', function () {
		state('offline');
	});

	window.Parley = window.Parley || {};
	window.Parley.live = {
		on: function (event, handler) {
			(handlers[event] = handlers[event] || []).push(handler);
		},
		onOpen: function (handler) {
			openHandlers.push(handler);
		},
		send: send,
		reconnect: reconnectNow
	};

	// the inbox list is read again after every (re)connect and every change
	var list = document.getElementById('list');
	if (list) {
		// one read at a time, each into the list as it is then: a change told while a
		// read is under way is read again after it, never lost in a swap
		var reading = Promise.resolve();
		var again = false;
		var refresh = function () {
			if (again) {
				return;
			}
			again = true;
			reading = reading.then(function () {
				again = false;
				var filters = document.getElementById('filters');
				var query = filters ? new URLSearchParams(new FormData(filters)).toString() : '';
				return window.htmx.ajax('GET', '/app/inbox' + (query ? '?' + query : ''),
					{ target: '#list', swap: 'outerHTML' });
			}).catch(function () {
				// the next change, or the next reconnect, reads it again
			});
		};
		window.Parley.live.on('INBOX_SUBSCRIBED', refresh);
		window.Parley.live.on('CONVERSATION_UPDATED', refresh);
		window.Parley.live.on('CONVERSATION_REMOVED', refresh);
		// a new message moves its conversation up and grows its unread count: the server
		// tells of it at most once a second per conversation (decision 106)
		window.Parley.live.on('CONVERSATION_ACTIVITY', refresh);
		// a row that had the focus (j/k) keeps it across the swap
		var focused = null;
		document.addEventListener('htmx:beforeSwap', function (event) {
			if (event.detail.target && event.detail.target.id === 'list') {
				var row = document.activeElement && document.activeElement.closest
					? document.activeElement.closest('#list .row') : null;
				focused = row ? row.dataset.id : null;
			}
		});
		document.addEventListener('htmx:afterSettle', function () {
			if (focused !== null) {
				var again = document.querySelector('#list .row[data-id="' + focused + '"] a.open');
				focused = null;
				if (again) {
					again.focus();
				}
			}
		});
		window.Parley.live.on('CONVERSATION_CREATED', function (data) {
			refresh();
			if (window.Parley.notify) {
				window.Parley.notify((document.querySelector('header.top') || document.body).dataset.newConversation || 'New conversation', data.subject || '',
					'/app/conversations/' + data.conversationId);
			}
		});
	}

	if (indicator) {
		document.addEventListener('DOMContentLoaded', connect);
	}
}());
