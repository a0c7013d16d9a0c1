/*
 * Parley's widget loader: <script src="https://PARLEY_HOST/widget.js" data-key="KEY" async></script>
 *
 * It adds a launcher button to the host page and, only when the visitor first opens the chat,
 * the iframe that holds the chat (/widget/frame.html). It writes no cookie and no storage: the
 * visitor id lives in the iframe, created when the chat is first opened. Styles are set through
 * the CSSOM, so a host page's Content-Security-Policy without 'unsafe-inline' does not break it.
 * The page talks to it through window.Parley(command, ...), queued until this script has run.
 */
(function () {
	'use strict';

	var EVENTS = ['ready', 'open', 'close', 'message', 'unread', 'conversationStarted'];
	var MOBILE = '(max-width: 666px)';
	var Z = 2147483000;

	var script = document.currentScript || document.querySelector('script[src*="widget.js"][data-key]');
	var existing = window.Parley;
	if (!script || (existing && existing.loaded)) {
		return;
	}
	var key = script.getAttribute('data-key') || '';
	var parley = new URL(script.src, location.href).origin;

	var listeners = {};
	var commands = [];
	var config = null;
	var ready = false;
	var launcher = null;
	var badge = null;
	var panel = null;
	var frame = null;
	var frameReady = false;
	var isOpen = false;
	var unread = 0;
	var pending = { user: null, attributes: {}, conversationAttributes: {}, locale: null };
	// a reset asked for before the frame listens: told to it in its init message
	var resetPending = false;

	function api() {
		commands.push(Array.prototype.slice.call(arguments));
		if (ready) {
			drain();
		}
	}
	api.loaded = true;
	api.q = [];
	window.Parley = api;

	function drain() {
		while (commands.length) {
			run(commands.shift());
		}
	}

	function run(command) {
		var name = command[0];
		var argument = command[1];
		switch (name) {
			case 'open': return open();
			case 'close': return close(true);
			case 'toggle': return isOpen ? close(true) : open();
			case 'setUser':
				pending.user = argument ? copy(argument) : null;
				return tell({ type: 'setUser', user: pending.user });
			case 'setAttributes':
				assign(pending.attributes, argument);
				return tell({ type: 'setAttributes', attributes: copy(argument) });
			case 'setConversationAttributes':
				assign(pending.conversationAttributes, argument);
				return tell({ type: 'setConversationAttributes', attributes: copy(argument) });
			case 'setLocale':
				pending.locale = String(argument || '');
				return tell({ type: 'setLocale', locale: pending.locale });
			case 'reset':
				pending = { user: null, attributes: {}, conversationAttributes: {}, locale: pending.locale };
				setUnread(0);
				if (!(frame && frameReady)) {
					resetPending = true;
				}
				return tell({ type: 'reset' });
			case 'on':
				if (EVENTS.indexOf(argument) >= 0 && typeof command[2] === 'function') {
					(listeners[argument] = listeners[argument] || []).push(command[2]);
					if (argument === 'ready' && ready) {
						call(command[2], {});
					}
				}
				return;
			default:
				warn('unknown command ' + name);
		}
	}

	function emit(event, data) {
		(listeners[event] || []).forEach(function (fn) {
			call(fn, data || {});
		});
	}

	function call(fn, data) {
		try {
			fn(data);
		}
		catch (ex) {
			setTimeout(function () {
				throw ex;
			});
		}
	}

	function copy(value) {
		return JSON.parse(JSON.stringify(value || {}));
	}

	function assign(target, source) {
		if (source && typeof source === 'object') {
			Object.keys(source).forEach(function (name) {
				target[name] = source[name];
			});
		}
	}

	function warn(text) {
		if (window.console) {
			console.warn('Parley: ' + text);
		}
	}

	// the frame is told only what is meant for it, and only at Parley's own origin
	function tell(message) {
		if (frame && frameReady) {
			message.parley = 1;
			frame.contentWindow.postMessage(message, parley);
		}
	}

	function style(element, css) {
		element.style.cssText = css;
	}

	function leftSide() {
		return config && config.position === 'bottom-left';
	}

	function place() {
		var side = leftSide() ? 'left' : 'right';
		var other = leftSide() ? 'right' : 'left';
		style(launcher, 'all:initial;position:fixed;bottom:20px;' + side + ':20px;' + other + ':auto;z-index:' + Z
			+ ';width:56px;height:56px;border-radius:50%;cursor:pointer;display:flex;align-items:center;'
			+ 'justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);background:' + color() + ';color:#fff;');
		if (!panel) {
			return;
		}
		var mobile = window.matchMedia && window.matchMedia(MOBILE).matches;
		var shown = isOpen ? 'block' : 'none';
		if (mobile) {
			style(panel, 'all:initial;position:fixed;inset:0;width:100%;height:100%;z-index:' + (Z + 1) + ';display:' + shown
				+ ';background:#fff;');
		}
		else {
			style(panel, 'all:initial;position:fixed;bottom:88px;' + side + ':20px;' + other + ':auto;width:400px;'
				+ 'height:min(680px,calc(100vh - 108px));z-index:' + Z + ';display:' + shown + ';border-radius:12px;'
				+ 'overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.25);background:#fff;');
		}
		style(frame, 'all:initial;display:block;width:100%;height:100%;border:0;');
	}

	function color() {
		var value = config && config.primaryColor;
		return /^#[0-9a-fA-F]{6}$/.test(value || '') ? value : '#2563eb';
	}

	function text(name, fallback) {
		return (config && config.messages && config.messages[name]) || fallback;
	}

	function icon() {
		var ns = 'http://www.w3.org/2000/svg';
		var svg = document.createElementNS(ns, 'svg');
		svg.setAttribute('viewBox', '0 0 24 24');
		svg.setAttribute('width', '28');
		svg.setAttribute('height', '28');
		svg.setAttribute('aria-hidden', 'true');
		svg.setAttribute('focusable', 'false');
		var path = document.createElementNS(ns, 'path');
		path.setAttribute('fill', 'currentColor');
		path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2zm2 5v2h12V8H6zm0 4v2h8v-2H6z');
		svg.appendChild(path);
		return svg;
	}

	function label() {
		var title = (config && config.launcherTitle) || text('launcher.open', 'Open chat');
		launcher.setAttribute('aria-label', isOpen ? text('launcher.close', 'Close chat') : title);
		launcher.title = isOpen ? text('launcher.close', 'Close chat') : title;
		launcher.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
	}

	function addLauncher() {
		launcher = document.createElement('button');
		launcher.type = 'button';
		launcher.setAttribute('data-parley', 'launcher');
		launcher.setAttribute('aria-controls', 'parley-chat');
		launcher.appendChild(icon());
		badge = document.createElement('span');
		badge.setAttribute('data-parley', 'unread');
		style(badge, 'all:initial;position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;'
			+ 'background:#dc2626;color:#fff;font:bold 12px/20px sans-serif;text-align:center;display:none;');
		launcher.appendChild(badge);
		launcher.addEventListener('click', function () {
			if (isOpen) {
				close(true);
			}
			else {
				open();
			}
		});
		label();
		place();
		document.body.appendChild(launcher);
		if (window.matchMedia) {
			var query = window.matchMedia(MOBILE);
			(query.addEventListener ? query.addEventListener.bind(query, 'change') : query.addListener.bind(query))(place);
		}
		document.addEventListener('keydown', function (event) {
			if (event.key === 'Escape' && isOpen) {
				close(true);
			}
		});
	}

	function framePath() {
		var query = 'key=' + encodeURIComponent(key) + '&origin=' + encodeURIComponent(location.origin);
		var locale = pending.locale || '';
		if (locale) {
			query += '&locale=' + encodeURIComponent(locale);
		}
		return parley + '/widget/frame.html?' + query;
	}

	function addFrame() {
		panel = document.createElement('div');
		panel.id = 'parley-chat';
		panel.setAttribute('data-parley', 'panel');
		frame = document.createElement('iframe');
		frame.title = text('frame.title', 'Chat');
		frame.setAttribute('data-parley', 'frame');
		frame.setAttribute('allow', 'clipboard-write');
		frame.src = framePath();
		panel.appendChild(frame);
		document.body.appendChild(panel);
	}

	function open() {
		if (!ready) {
			return;
		}
		if (!frame) {
			addFrame();
		}
		var wasOpen = isOpen;
		isOpen = true;
		place();
		label();
		focusFrame();
		tell({ type: 'opened' });
		if (!wasOpen) {
			emit('open');
		}
	}

	function close(returnFocus) {
		if (!isOpen) {
			return;
		}
		isOpen = false;
		place();
		label();
		tell({ type: 'closed' });
		if (returnFocus) {
			launcher.focus();
		}
		emit('close');
	}

	function focusFrame() {
		if (frame && frameReady) {
			frame.focus();
			tell({ type: 'focus' });
		}
	}

	function setUnread(count) {
		unread = count;
		if (!badge) {
			return;
		}
		badge.textContent = count > 99 ? '99+' : String(count);
		badge.style.display = count > 0 ? 'block' : 'none';
	}

	// what the frame says: only from the frame's own window, at Parley's origin
	window.addEventListener('message', function (event) {
		if (!frame || event.source !== frame.contentWindow || event.origin !== parley) {
			return;
		}
		var message = event.data;
		if (!message || message.parley !== 1 || typeof message.type !== 'string') {
			return;
		}
		switch (message.type) {
			case 'loaded':
				frameReady = true;
				tell({
					type: 'init',
					user: pending.user,
					attributes: pending.attributes,
					conversationAttributes: pending.conversationAttributes,
					locale: pending.locale,
					page: { url: location.href, referrer: document.referrer, title: document.title },
					open: isOpen,
					reset: resetPending
				});
				resetPending = false;
				if (isOpen) {
					focusFrame();
				}
				return;
			case 'close':
				return close(true);
			case 'message':
				return emit('message', message.data);
			case 'unread':
				setUnread(Number(message.data && message.data.count) || 0);
				return emit('unread', { count: unread });
			case 'conversationStarted':
				return emit('conversationStarted', message.data);
		}
	});

	function start() {
		var locale = pending.locale || navigator.language || '';
		fetch(parley + '/api/widget/config?key=' + encodeURIComponent(key) + '&locale=' + encodeURIComponent(locale),
			{ credentials: 'omit', mode: 'cors' })
			.then(function (response) {
				return response.json().then(function (body) {
					if (!response.ok || !body.success) {
						throw new Error(body.error || ('HTTP ' + response.status));
					}
					return body.data;
				}, function () {
					throw new Error('HTTP ' + response.status);
				});
			})
			.then(function (data) {
				config = data;
				show();
			}, function (error) {
				// a refusal (a blocked origin, a wrong key) shows no launcher at all
				warn('the chat is not available here: ' + error.message);
			});
	}

	function show() {
		ready = true;
		addLauncher();
		emit('ready');
		drain();
	}

	// commands given before this script ran, in their order (setLocale first counts for the config)
	(existing && existing.q ? Array.prototype.slice.call(existing.q) : []).forEach(function (args) {
		var command = Array.prototype.slice.call(args);
		if (command[0] === 'setLocale' || command[0] === 'on' || command[0] === 'setUser' || command[0] === 'setAttributes'
			|| command[0] === 'setConversationAttributes' || command[0] === 'reset') {
			run(command);
		}
		else {
			commands.push(command);
		}
	});

	if (document.body) {
		start();
	}
	else {
		document.addEventListener('DOMContentLoaded', start);
	}
})();
