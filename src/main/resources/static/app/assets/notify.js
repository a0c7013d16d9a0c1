// Notifications (seed 001): the bell's count, a toast for each one, a desktop
// notification while the tab is in the background (once the member allowed them), and
// an optional sound. The socket sends them after SUBSCRIBE_NOTIFICATIONS.
(function () {
	'use strict';

	var bell = document.getElementById('bell');
	var count = document.getElementById('bell-count');
	var SOUND = 'parley.notificationSound';
	var header = document.querySelector('header.top');
	var texts = header ? header.dataset : {};

	function beep() {
		if (window.localStorage.getItem(SOUND) !== 'on' || !window.AudioContext) {
			return;
		}
		var context = new window.AudioContext();
		var tone = context.createOscillator();
		var gain = context.createGain();
		tone.frequency.value = 880;
		gain.gain.setValueAtTime(0.15, context.currentTime);
		gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.3);
		tone.connect(gain);
		gain.connect(context.destination);
		tone.start();
		tone.stop(context.currentTime + 0.3);
	}

	function notify(title, body, url) {
		if (window.Parley.toast) {
			window.Parley.toast(title, body);
		}
		beep();
		if (document.hidden && 'Notification' in window && window.Notification.permission === 'granted') {
			var shown = new window.Notification(title, { body: body || '', tag: url || title });
			shown.onclick = function () {
				window.focus();
				if (url) {
					window.location.assign(url);
				}
			};
		}
	}

	function setCount(unread) {
		if (!count) {
			return;
		}
		count.textContent = String(unread);
		count.classList.toggle('zero', unread === 0);
		if (bell && bell.dataset.label) {
			bell.setAttribute('aria-label', bell.dataset.label.replace('{0}', String(unread)));
		}
	}

	var titles = {
		MENTIONED: texts.notifyMentioned || 'You were mentioned in a note',
		ASSIGNED: texts.notifyAssigned || 'A conversation was assigned to you',
		NEW_MESSAGE: texts.notifyMessage || 'A new message in your conversation'
	};

	if (window.Parley && window.Parley.live) {
		window.Parley.live.onOpen(function () {
			window.Parley.live.send('SUBSCRIBE_NOTIFICATIONS', {});
		});
		window.Parley.live.on('NOTIFICATION', function (data) {
			var notification = data.notification || {};
			setCount(data.unreadCount || 0);
			// what arrives in the conversation one is looking at needs no toast
			if (!document.hidden && notification.kind === 'NEW_MESSAGE'
				&& notification.conversationId === document.body.dataset.conversationId) {
				return;
			}
			notify(titles[notification.kind] || notification.kind, notification.excerpt || '',
				'/app/conversations/' + notification.conversationId);
		});
	}

	// the notifications page: ask for the browser's permission once, on a click
	document.addEventListener('DOMContentLoaded', function () {
		var desktop = document.getElementById('desktop-notifications');
		var sound = document.getElementById('notification-sound');
		function showState() {
			if (!desktop || !('Notification' in window)) {
				return;
			}
			if (window.Notification.permission === 'granted') {
				desktop.textContent = desktop.dataset.on;
				desktop.disabled = true;
			}
			else if (window.Notification.permission === 'denied') {
				desktop.textContent = desktop.dataset.denied;
				desktop.disabled = true;
			}
		}
		if (desktop) {
			showState();
			desktop.addEventListener('click', function () {
				window.Notification.requestPermission().then(showState);
			});
		}
		if (sound) {
			sound.checked = window.localStorage.getItem(SOUND) === 'on';
			sound.addEventListener('change', function () {
				window.localStorage.setItem(SOUND, sound.checked ? 'on' : 'off');
			});
		}
	});

	window.Parley = window.Parley || {};
	window.Parley.notify = notify;
}());
