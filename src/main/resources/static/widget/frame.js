/*
 * The chat inside the widget's iframe. Every text it shows comes from the config's "messages"
 * (the i18n bundles); every message is put on the page as text, links made clickable only for
 * http(s). It is never silently stale: the socket (or, without WebSocket, the event stream)
 * resumes after the last message shown on every reconnect, and what the visitor typed while
 * offline is sent, once, when the connection is back.
 */
(function () {
	'use strict';

	var params = new URLSearchParams(location.search);
	var key = params.get('key') || '';
	var hostOrigin = params.get('origin') || '';
	var embedded = window.parent !== window;
	var storageKey = 'parley.visitor.' + key;
	var ENDED = ['resolved', 'closed'];

	var state = {
		config: null,
		locale: params.get('locale') || '',
		user: null,
		attributes: {},
		conversationAttributes: {},
		page: { url: '', referrer: '' },
		token: null,
		visitorId: null,
		conversation: null,
		lastSequence: 0,
		shown: {},
		pending: {},
		open: !embedded,
		unread: 0,
		lastRead: 0,
		agentRead: 0,
		transport: null,
		online: false,
		starting: false,
		generation: 0
	};

	var $ = function (id) {
		return document.getElementById(id);
	};

	// ---- texts -------------------------------------------------------------------------

	var FALLBACK = { 'error.generic': 'The chat is not available right now. Please try again later.' };

	function t(name, value) {
		var messages = (state.config && state.config.messages) || {};
		var text = messages[name] || FALLBACK[name] || '';
		return value === undefined ? text : text.replace('{0}', String(value));
	}

	function el(tag, className, text) {
		var element = document.createElement(tag);
		if (className) {
			element.className = className;
		}
		if (text !== undefined && text !== null) {
			element.textContent = text;
		}
		return element;
	}

	// text with its http(s) links made clickable; nothing of it is ever parsed as HTML
	function linked(text) {
		var fragment = document.createDocumentFragment();
		var pattern = /https?:\/\/[^\s<>"']+/gi;
		var at = 0;
		var match;
		while ((match = pattern.exec(text)) !== null) {
			var address = match[0].replace(/[.,;:!?)\]]+$/, '');
			fragment.appendChild(document.createTextNode(text.slice(at, match.index)));
			var url = safeUrl(address);
			if (url) {
				var link = el('a', null, address);
				link.href = url;
				link.target = '_blank';
				link.rel = 'noopener noreferrer';
				fragment.appendChild(link);
			}
			else {
				fragment.appendChild(document.createTextNode(address));
			}
			at = match.index + address.length;
			pattern.lastIndex = at;
		}
		fragment.appendChild(document.createTextNode(text.slice(at)));
		return fragment;
	}

	function safeUrl(address) {
		try {
			var url = new URL(address);
			return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
		}
		catch (ex) {
			return null;
		}
	}

	// ---- talking to the host page ------------------------------------------------------

	function toHost(type, data) {
		if (embedded && hostOrigin) {
			window.parent.postMessage({ parley: 1, type: type, data: data || {} }, hostOrigin);
		}
	}

	var initialized = false;

	// started without the host's answer, which may still come
	var startedAlone = false;

	window.addEventListener('message', function (event) {
		if (!embedded || event.source !== window.parent || event.origin !== hostOrigin) {
			return;
		}
		var message = event.data;
		if (!message || message.parley !== 1 || typeof message.type !== 'string') {
			return;
		}
		switch (message.type) {
			case 'init':
				// an answer later than the frame's own start (a busy host page): what it says
				// of the visitor still counts, so the chat starts over with it
				var late = initialized && startedAlone;
				startedAlone = false;
				if (message.reset && (!initialized || late)) {
					forget();
				}
				state.user = message.user || null;
				state.attributes = message.attributes || {};
				state.conversationAttributes = message.conversationAttributes || {};
				state.page = message.page || state.page;
				state.open = !!message.open;
				if (message.locale) {
					state.locale = message.locale;
				}
				if (!initialized) {
					initialized = true;
					start();
				}
				// before its configuration is read, the start under way reads these itself
				else if (late && state.config && (message.reset || state.user)) {
					restart();
				}
				else if (late && state.config && message.locale) {
					loadConfig().then(render);
				}
				return;
			case 'opened':
				state.open = true;
				markRead();
				return;
			case 'closed':
				state.open = false;
				return;
			case 'focus':
				focusInput();
				return;
			case 'setUser':
				state.user = message.user || null;
				return initialized && restart();
			case 'setAttributes':
				Object.assign(state.attributes, message.attributes || {});
				return;
			case 'setConversationAttributes':
				Object.assign(state.conversationAttributes, message.attributes || {});
				return;
			case 'setLocale':
				state.locale = message.locale || '';
				return initialized && loadConfig().then(render);
			case 'reset':
				forget();
				return initialized && restart();
		}
	});

	document.addEventListener('keydown', function (event) {
		if (event.key === 'Escape') {
			toHost('close');
		}
	});

	// ---- REST --------------------------------------------------------------------------

	function request(method, path, body, retried) {
		var headers = {};
		var payload;
		if (state.token) {
			headers.Authorization = 'Bearer ' + state.token;
		}
		if (body instanceof FormData) {
			payload = body;
		}
		else if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
			payload = JSON.stringify(body);
		}
		return fetch(path, { method: method, headers: headers, body: payload, credentials: 'omit' }).then(function (response) {
			if (response.status === 401 && state.token && !retried) {
				return openSession().then(function () {
					return request(method, path, body, true);
				});
			}
			return response.json().catch(function () {
				return {};
			}).then(function (envelope) {
				if (!response.ok || envelope.success === false) {
					var error = new Error(envelope.error || ('HTTP ' + response.status));
					error.status = response.status;
					throw error;
				}
				return envelope.data;
			});
		});
	}

	function errorText(error) {
		var text = (error && error.message) || '';
		if (/identity verification required/i.test(text)) {
			return t('error.identityRequired');
		}
		if (/identity verification failed/i.test(text)) {
			return t('error.identityFailed');
		}
		if (/origin not allowed/i.test(text)) {
			return t('error.originNotAllowed');
		}
		if (error && error.status === 429) {
			return t('error.tooMany');
		}
		return t('error.generic');
	}

	// ---- start -------------------------------------------------------------------------

	function loadConfig() {
		var locale = state.locale || navigator.language || '';
		return request('GET', '/api/widget/config?key=' + encodeURIComponent(key) + '&locale=' + encodeURIComponent(locale))
			.then(function (config) {
				state.config = config;
				document.documentElement.lang = (locale.split('-')[0] || 'en');
				document.documentElement.setAttribute('data-theme', config.theme || 'light');
				if (/^#[0-9a-fA-F]{6}$/.test(config.primaryColor || '')) {
					document.documentElement.style.setProperty('--primary', config.primaryColor);
				}
			});
	}

	function start() {
		loadConfig().then(function () {
			render();
			return begin();
		}).catch(fail);
	}

	function fail(error) {
		$('chat').removeAttribute('aria-busy');
		showStatus(errorText(error), true);
		$('footer').textContent = '';
	}

	function restart() {
		state.generation++;
		state.starting = false;
		stopTransport();
		state.token = null;
		state.conversation = null;
		resetMessages();
		begin().catch(fail);
	}

	function begin() {
		showStatus('');
		if (state.config.identityRequired && !(state.user && state.user.id)) {
			return Promise.reject(new Error('Identity verification required'));
		}
		return openSession().then(function (session) {
			$('chat').removeAttribute('aria-busy');
			var conversations = session.conversations || [];
			var latest = conversations[0];
			if (latest) {
				return showConversation(latest);
			}
			showWelcome();
		});
	}

	function forget() {
		try {
			localStorage.removeItem(storageKey);
		}
		catch (ex) {
			// storage may be blocked; then nothing of the visitor was kept
		}
		state.visitorId = null;
		state.user = null;
		state.attributes = {};
		state.conversationAttributes = {};
		setUnread(0);
	}

	function storedVisitorId() {
		try {
			var id = localStorage.getItem(storageKey);
			if (!id) {
				id = newId();
				localStorage.setItem(storageKey, id);
			}
			return id;
		}
		catch (ex) {
			return state.visitorId || newId();
		}
	}

	function newId() {
		if (window.crypto && crypto.randomUUID) {
			return crypto.randomUUID();
		}
		var bytes = crypto.getRandomValues(new Uint8Array(16));
		bytes[6] = (bytes[6] & 15) | 64;
		bytes[8] = (bytes[8] & 63) | 128;
		var hex = Array.prototype.map.call(bytes, function (b) {
			return (b + 256).toString(16).slice(1);
		}).join('');
		return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
	}

	function context() {
		return { pageUrl: state.page.url || '', referrer: state.page.referrer || '', locale: state.locale || navigator.language || '' };
	}

	function openSession() {
		var body = { key: key, visitorId: state.visitorId || storedVisitorId(), context: context() };
		if (state.user && state.user.id) {
			body.user = state.user;
		}
		state.token = null;
		return request('POST', '/api/widget/sessions', body).then(function (session) {
			state.token = session.visitorToken;
			state.visitorId = session.visitorId;
			try {
				localStorage.setItem(storageKey, session.visitorId);
			}
			catch (ex) {
				// kept in memory only
			}
			return session;
		});
	}

	// ---- the header, status lines and texts ---------------------------------------------

	function render() {
		var config = state.config;
		document.title = t('frame.title');
		$('title').textContent = config.workspaceName || t('header.title');
		$('subtitle').textContent = config.online ? t('header.online') : t('header.offline');
		document.querySelectorAll('[data-t-label]').forEach(function (element) {
			element.setAttribute('aria-label', t(element.getAttribute('data-t-label')));
		});
		document.querySelectorAll('[data-t]').forEach(function (element) {
			element.textContent = t(element.getAttribute('data-t'));
		});
		document.querySelectorAll('[data-t-placeholder]').forEach(function (element) {
			element.placeholder = t(element.getAttribute('data-t-placeholder'));
		});
		showAgent(state.conversation && state.conversation.agent);
	}

	function showStatus(text, error) {
		var status = $('status');
		status.textContent = text;
		status.hidden = !text;
		status.className = error ? 'status error' : 'status';
	}

	function showAgent(agent) {
		var avatar = $('avatar');
		avatar.textContent = '';
		if (!agent || !agent.name) {
			avatar.hidden = true;
			if (state.config) {
				$('title').textContent = state.config.workspaceName || t('header.title');
			}
			return;
		}
		$('title').textContent = agent.name;
		var picture = state.config.showAgentAvatars !== false && safeUrl(agent.avatarUrl || '');
		if (picture) {
			var image = el('img');
			image.alt = '';
			image.src = picture;
			avatar.appendChild(image);
		}
		else {
			avatar.appendChild(document.createTextNode(agent.name.charAt(0).toUpperCase()));
		}
		var presence = el('span', 'presence ' + (agent.presence || 'offline'));
		presence.title = t('agent.' + (agent.presence || 'offline'));
		avatar.appendChild(presence);
		$('subtitle').textContent = t('agent.' + (agent.presence || 'offline'));
		avatar.hidden = false;
	}

	function showQueue(queue) {
		var line = $('queue');
		var answered = Object.keys(state.shown).some(function (sequence) {
			return state.shown[sequence].classList.contains('theirs');
		});
		if (!queue || answered || (state.conversation && state.conversation.agent)) {
			line.hidden = true;
			return;
		}
		var wait = Math.round((queue.expectedWaitSeconds || 0) / 60);
		line.textContent = t('queue.position', queue.position) + ' '
			+ (wait >= 1 ? t('queue.wait', wait) : t('queue.waitShort'));
		line.hidden = false;
	}

	// ---- messages ------------------------------------------------------------------------

	function resetMessages() {
		$('messages').textContent = '';
		state.shown = {};
		state.pending = {};
		state.lastSequence = 0;
		state.agentRead = 0;
		$('typing').hidden = true;
		$('queue').hidden = true;
	}

	function mine(message) {
		var author = message.author || {};
		return author.type === 'visitor' || author.type === 'contact' || author.type === 'customer'
			|| message.senderRole === 'visitor' || message.senderRole === 'candidate';
	}

	function bubble(message, isMine) {
		var item = el('li', 'message ' + (isMine ? 'mine' : 'theirs'));
		var author = message.author || {};
		item.appendChild(el('span', 'author', isMine ? t('message.you') : (author.name || t('message.team'))));
		var body = el('div', 'bubble');
		body.appendChild(linked(message.content || ''));
		(message.attachments || []).forEach(function (attachment) {
			body.appendChild(attachmentView(attachment));
		});
		item.appendChild(body);
		item.appendChild(el('span', 'meta'));
		return item;
	}

	function add(message, replayed) {
		var sequence = Number(message.sequence);
		if (message.clientMessageId && state.pending[message.clientMessageId]) {
			confirm(message.clientMessageId, sequence, message);
			return;
		}
		if (!sequence || state.shown[sequence]) {
			return;
		}
		var isMine = mine(message);
		var item = bubble(message, isMine);
		item.setAttribute('data-sequence', String(sequence));
		place(item, sequence);
		state.shown[sequence] = item;
		state.lastSequence = Math.max(state.lastSequence, sequence);
		if (!isMine) {
			$('typing').hidden = true;
			showQueue(null);
			if (!replayed) {
				toHost('message', { content: message.content || '', author: { name: (message.author || {}).name || '' } });
			}
			if (state.open && document.visibilityState !== 'hidden') {
				markRead();
			}
			else {
				setUnread(state.unread + 1);
			}
		}
		updateReceipts();
		scrollDown();
	}

	// in sequence order, pending messages last
	function place(item, sequence) {
		var list = $('messages');
		var children = list.children;
		for (var i = 0; i < children.length; i++) {
			var other = Number(children[i].getAttribute('data-sequence'));
			if (!children[i].hasAttribute('data-sequence') || other > sequence) {
				if (!children[i].classList.contains('welcome')) {
					list.insertBefore(item, children[i]);
					return;
				}
			}
		}
		list.appendChild(item);
	}

	function confirm(clientMessageId, sequence, message) {
		var item = state.pending[clientMessageId];
		delete state.pending[clientMessageId];
		if (!item) {
			return;
		}
		item.parentNode && item.parentNode.removeChild(item);
		if (state.shown[sequence]) {
			return;
		}
		item.classList.remove('pending');
		item.querySelector('.meta').textContent = '';
		item.setAttribute('data-sequence', String(sequence));
		if (message && message.attachments && message.attachments.length) {
			var body = item.querySelector('.bubble');
			message.attachments.forEach(function (attachment) {
				body.appendChild(attachmentView(attachment));
			});
		}
		place(item, sequence);
		state.shown[sequence] = item;
		state.lastSequence = Math.max(state.lastSequence, sequence);
		updateReceipts();
	}

	function updateReceipts() {
		var last = null;
		Object.keys(state.shown).forEach(function (sequence) {
			var item = state.shown[sequence];
			if (item.classList.contains('mine')) {
				item.querySelector('.meta').textContent = '';
				if (Number(sequence) <= state.agentRead && (!last || Number(sequence) > Number(last.getAttribute('data-sequence')))) {
					last = item;
				}
			}
		});
		if (last) {
			last.querySelector('.meta').textContent = t('message.read');
		}
	}

	function scrollDown() {
		var body = $('body');
		body.scrollTop = body.scrollHeight;
	}

	function markRead() {
		setUnread(0);
		var conversation = state.conversation;
		var latest = 0;
		Object.keys(state.shown).forEach(function (sequence) {
			if (state.shown[sequence].classList.contains('theirs')) {
				latest = Math.max(latest, Number(sequence));
			}
		});
		if (!conversation || !state.transport || !state.online || latest <= state.lastRead) {
			return;
		}
		state.lastRead = latest;
		if (state.transport) {
			state.transport.read(latest);
		}
	}

	function setUnread(count) {
		if (count !== state.unread) {
			state.unread = count;
			toHost('unread', { count: count });
		}
	}

	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'visible' && state.open) {
			markRead();
		}
	});

	// ---- attachments ---------------------------------------------------------------------

	function attachmentView(attachment) {
		var name = attachment.name || attachment.filename || attachment.fileName || t('message.attachment');
		var type = attachment.contentType || attachment.mediaType || '';
		var path = '/api/widget/attachments/' + encodeURIComponent(attachment.id);
		var wrapper = el('span', 'attachment');
		if (/^image\//.test(type)) {
			var image = el('img');
			image.alt = name;
			wrapper.appendChild(image);
			download(path).then(function (url) {
				image.src = url;
			});
		}
		else {
			var link = el('a', null, name);
			link.href = '#';
			link.rel = 'noopener noreferrer';
			link.addEventListener('click', function (event) {
				event.preventDefault();
				download(path).then(function (url) {
					var save = el('a');
					save.href = url;
					save.download = name;
					document.body.appendChild(save);
					save.click();
					save.remove();
				});
			});
			wrapper.appendChild(link);
		}
		return wrapper;
	}

	// downloads need the visitor's token, so they go through fetch, not a plain URL
	function download(path) {
		return fetch(path, { headers: { Authorization: 'Bearer ' + state.token }, credentials: 'omit' })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.blob();
			})
			.then(function (blob) {
				return URL.createObjectURL(blob);
			});
	}

	function upload(file) {
		if (!state.conversation) {
			return;
		}
		var form = new FormData();
		form.append('file', file);
		request('POST', '/api/widget/conversations/' + state.conversation.id + '/attachments', form)
			.then(add, function (error) {
				showStatus(error.status === 429 ? t('error.tooMany') : t('error.upload'), true);
			});
	}

	// ---- the welcome screen and the pre-chat form ----------------------------------------

	function preChatFields() {
		var preChat = state.config.preChat || {};
		var fields = [];
		['name', 'email', 'phone'].forEach(function (name) {
			if (preChat[name] && preChat[name] !== 'off') {
				fields.push({ key: name, label: t('prechat.' + name), required: preChat[name] === 'required', standard: true });
			}
		});
		(preChat.custom || []).forEach(function (field) {
			fields.push({ key: field.key, label: field.label || field.key, required: !!field.required, standard: false });
		});
		return fields;
	}

	function showWelcome() {
		resetMessages();
		state.conversation = null;
		showAgent(null);
		if (state.config.welcomeMessage) {
			var item = bubble({ content: state.config.welcomeMessage, author: { name: state.config.workspaceName } }, false);
			item.classList.add('welcome');
			$('messages').appendChild(item);
		}
		if (!state.config.online) {
			showOfflineForm();
			return;
		}
		var fields = preChatFields();
		var footer = $('footer');
		footer.textContent = '';
		var form = null;
		if (fields.length && !(state.user && state.user.id)) {
			form = el('form', 'prechat');
			form.noValidate = true;
			form.appendChild(el('p', 'hint', t('prechat.intro')));
			fields.forEach(function (field) {
				var label = el('label');
				label.appendChild(el('span', null, field.label + (field.required ? ' *' : ' ' + t('prechat.optional'))));
				var input = el('input');
				input.name = field.key;
				input.type = field.key === 'email' ? 'email' : (field.key === 'phone' ? 'tel' : 'text');
				input.required = field.required;
				input.setAttribute('data-standard', field.standard ? '1' : '0');
				input.autocomplete = field.key === 'email' ? 'email' : (field.key === 'name' ? 'name' : (field.key === 'phone' ? 'tel' : 'off'));
				label.appendChild(input);
				form.appendChild(label);
			});
			form.appendChild(el('p', 'error'));
			footer.appendChild(form);
		}
		footer.appendChild(composer(function (content) {
			var fieldsValue = form ? readPreChat(form) : { custom: {} };
			if (fieldsValue === null) {
				return false;
			}
			knownFields(fieldsValue);
			startConversation(content, fieldsValue);
			return true;
		}));
		focusInput();
	}

	// what the host page told of its user (setUser) answers the fields the visitor left empty:
	// a signed-in user sees no form, and the server's required fields are met by these
	function knownFields(values) {
		var user = state.user || {};
		['name', 'email', 'phone'].forEach(function (name) {
			if (!values[name] && typeof user[name] === 'string' && user[name].trim()) {
				values[name] = user[name].trim();
			}
		});
		return values;
	}

	function readPreChat(form) {
		var values = { custom: {} };
		var error = form.querySelector('.error');
		var problem = '';
		form.querySelectorAll('input').forEach(function (input) {
			var value = input.value.trim();
			if (input.required && !value) {
				problem = problem || t('prechat.missing');
				input.setAttribute('aria-invalid', 'true');
			}
			else if (input.type === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
				problem = problem || t('prechat.invalidEmail');
				input.setAttribute('aria-invalid', 'true');
			}
			else {
				input.removeAttribute('aria-invalid');
			}
			if (value) {
				if (input.getAttribute('data-standard') === '1') {
					values[input.name] = value;
				}
				else {
					values.custom[input.name] = value;
				}
			}
		});
		error.textContent = problem;
		if (problem) {
			var invalid = form.querySelector('[aria-invalid="true"]');
			invalid && invalid.focus();
			return null;
		}
		return values;
	}

	// ---- the composer ---------------------------------------------------------------------

	var typingSince = 0;
	var typingStop = null;

	function composer(onSend) {
		var form = el('form', 'composer');
		var input = el('textarea');
		input.id = 'input';
		input.rows = 1;
		input.maxLength = 5000;
		input.setAttribute('data-t-placeholder', 'composer.placeholder');
		input.placeholder = t('composer.placeholder');
		input.setAttribute('data-t-label', 'composer.label');
		input.setAttribute('aria-label', t('composer.label'));
		input.addEventListener('keydown', function (event) {
			if (event.key === 'Enter' && !event.shiftKey) {
				event.preventDefault();
				form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));
			}
		});
		input.addEventListener('input', typed);
		if (state.conversation) {
			var file = el('input');
			file.type = 'file';
			file.className = 'visually-hidden';
			file.id = 'file';
			file.tabIndex = -1;
			file.addEventListener('change', function () {
				if (file.files[0]) {
					upload(file.files[0]);
				}
				file.value = '';
			});
			var attach = el('button', 'attach');
			attach.appendChild(paperclip());
			attach.type = 'button';
			attach.id = 'attach';
			attach.setAttribute('data-t-label', 'composer.attach');
			attach.setAttribute('aria-label', t('composer.attach'));
			attach.addEventListener('click', function () {
				file.click();
			});
			form.appendChild(file);
			form.appendChild(attach);
		}
		var send = el('button', 'button', t('composer.send'));
		send.type = 'submit';
		send.setAttribute('data-t', 'composer.send');
		form.appendChild(input);
		form.appendChild(send);
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			var content = input.value.trim();
			if (!content) {
				return;
			}
			if (onSend(content) !== false) {
				input.value = '';
				stopTyping();
			}
		});
		return form;
	}

	function paperclip() {
		var ns = 'http://www.w3.org/2000/svg';
		var svg = document.createElementNS(ns, 'svg');
		svg.setAttribute('viewBox', '0 0 24 24');
		svg.setAttribute('width', '20');
		svg.setAttribute('height', '20');
		svg.setAttribute('aria-hidden', 'true');
		var path = document.createElementNS(ns, 'path');
		path.setAttribute('fill', 'none');
		path.setAttribute('stroke', 'currentColor');
		path.setAttribute('stroke-width', '2');
		path.setAttribute('stroke-linecap', 'round');
		path.setAttribute('d', 'M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9');
		svg.appendChild(path);
		return svg;
	}

	function focusInput() {
		var input = $('input') || document.querySelector('#footer input, #footer textarea, #footer button');
		if (input) {
			input.focus();
		}
	}

	function typed() {
		if (!state.transport) {
			return;
		}
		var now = Date.now();
		if (now - typingSince > 3000) {
			typingSince = now;
			state.transport.typing(true);
		}
		clearTimeout(typingStop);
		typingStop = setTimeout(stopTyping, 4000);
	}

	function stopTyping() {
		clearTimeout(typingStop);
		if (typingSince && state.transport) {
			state.transport.typing(false);
		}
		typingSince = 0;
	}

	// ---- a conversation ------------------------------------------------------------------

	function pendingItem(content, clientMessageId, note) {
		var item = bubble({ content: content }, true);
		item.classList.add('pending');
		item.setAttribute('data-client-message-id', clientMessageId);
		item.querySelector('.meta').textContent = note;
		$('messages').appendChild(item);
		state.pending[clientMessageId] = item;
		scrollDown();
		return item;
	}

	// one conversation per start: what is sent while the first message is on its way waits,
	// and goes into the same conversation once it exists (the server starts one per POST)
	function startConversation(content, fields) {
		if (state.starting) {
			pendingItem(content, newId(), t('message.queued'));
			return;
		}
		var generation = state.generation;
		var clientMessageId = newId();
		var item = pendingItem(content, clientMessageId, t('message.sending'));
		state.starting = true;
		var body = {
			content: content,
			clientMessageId: clientMessageId,
			fields: fields,
			attributes: state.attributes,
			conversationAttributes: state.conversationAttributes,
			context: context()
		};
		var attempt = function (delay) {
			if (generation !== state.generation) {
				return;
			}
			request('POST', '/api/widget/conversations', body).then(function (created) {
				if (generation !== state.generation) {
					return;
				}
				state.starting = false;
				state.conversation = created.conversation;
				var welcome = $('messages').querySelector('.welcome');
				confirm(clientMessageId, Number(created.message.sequence), created.message);
				if (welcome) {
					$('messages').insertBefore(welcome, $('messages').firstChild);
				}
				toHost('conversationStarted', { conversationId: created.conversation.id });
				enterConversation(created.conversation);
			}, function (error) {
				if (generation !== state.generation) {
					return;
				}
				if (error.status && error.status !== 429 && error.status < 500) {
					state.starting = false;
					refused(error);
					return;
				}
				// offline or busy: keep it, and try again
				item.querySelector('.meta').textContent = t('message.queued');
				showStatus(t('status.reconnecting'));
				setTimeout(function () {
					attempt(Math.min(delay * 2, 30000));
				}, delay);
			});
		};
		attempt(1000);
	}

	// a refused send keeps what the visitor typed: the waiting messages go back into the field
	function refused(error) {
		var texts = Object.keys(state.pending).map(function (clientMessageId) {
			var item = state.pending[clientMessageId];
			item.parentNode && item.parentNode.removeChild(item);
			return item.querySelector('.bubble').textContent;
		});
		state.pending = {};
		var input = $('input');
		if (input && texts.length) {
			input.value = texts.concat(input.value ? [input.value] : []).join('\n');
		}
		showStatus(errorText(error), true);
	}

	function showConversation(conversation) {
		return request('GET', '/api/widget/conversations/' + conversation.id).then(function (view) {
			state.conversation = view;
			return loadHistory(view.id);
		}).then(function () {
			enterConversation(state.conversation);
		});
	}

	// the whole history (after == null: from the newest page back), or what came after a sequence
	// (forward); the server's nextCursor points back in the first case, forward in the second.
	// Replayed messages are shown, never announced to the host page as new.
	function loadHistory(id, after, cursor, collected) {
		var path = '/api/widget/conversations/' + id + '/messages?limit=100';
		if (after) {
			path += '&after=' + encodeURIComponent(cursor || after);
		}
		else if (cursor) {
			path += '&before=' + encodeURIComponent(cursor);
		}
		return request('GET', path).then(function (page) {
			var items = (collected || []).concat(page.items || []);
			if (page.nextCursor && items.length < 1000) {
				return loadHistory(id, after, page.nextCursor, items);
			}
			items.sort(function (a, b) {
				return a.sequence - b.sequence;
			});
			var wasOpen = state.open;
			state.open = true;
			items.forEach(function (message) {
				add(message, !after);
			});
			state.open = wasOpen;
		});
	}

	function enterConversation(conversation) {
		var ended = ENDED.indexOf(conversation.status) >= 0;
		showAgent(conversation.agent);
		showQueue(conversation.queue);
		if (ended) {
			stopTransport();
			showResolved(conversation);
			return;
		}
		var footer = $('footer');
		footer.textContent = '';
		footer.appendChild(composer(sendMessage));
		focusInput();
		if (!state.transport) {
			connect();
		}
	}

	function sendMessage(content) {
		var clientMessageId = newId();
		pendingItem(content, clientMessageId, state.online ? t('message.sending') : t('message.queued'));
		// only this one: the others waiting are sent again when the connection is (re)established
		if (state.transport && state.online) {
			state.transport.send(content, clientMessageId);
		}
		return true;
	}

	// sends what waits; a repeat is harmless, the server keeps one message per clientMessageId
	function flush() {
		if (!state.transport || !state.online) {
			return;
		}
		Object.keys(state.pending).forEach(function (clientMessageId) {
			var item = state.pending[clientMessageId];
			var content = item.querySelector('.bubble').textContent;
			item.querySelector('.meta').textContent = t('message.sending');
			state.transport.send(content, clientMessageId);
		});
	}

	function refreshConversation() {
		if (!state.conversation) {
			return;
		}
		request('GET', '/api/widget/conversations/' + state.conversation.id).then(function (view) {
			state.conversation = view;
			showAgent(view.agent);
			if (ENDED.indexOf(view.status) >= 0) {
				stopTransport();
				showResolved(view);
			}
		});
	}

	// ---- resolved: rating and a new conversation ------------------------------------------

	function showResolved(conversation) {
		var footer = $('footer');
		footer.textContent = '';
		$('queue').hidden = true;
		footer.appendChild(el('p', 'hint', t('conversation.resolved')));
		if (!conversation.rating) {
			footer.appendChild(ratingForm(conversation));
		}
		else {
			footer.appendChild(el('p', 'hint', t('rating.thanks')));
		}
		var again = el('button', 'button', t('conversation.new'));
		again.type = 'button';
		again.id = 'new-conversation';
		again.addEventListener('click', showWelcome);
		footer.appendChild(again);
	}

	function ratingForm(conversation) {
		var form = el('form', 'rating');
		var score = 0;
		var legend = el('p', 'hint', t('rating.title'));
		legend.id = 'rating-title';
		form.appendChild(legend);
		var stars = el('div', 'stars');
		stars.setAttribute('role', 'group');
		stars.setAttribute('aria-labelledby', 'rating-title');
		for (var i = 1; i <= 5; i++) {
			(function (value) {
				var star = el('button', null, '\u2605');
				star.type = 'button';
				star.setAttribute('data-score', String(value));
				star.setAttribute('aria-label', t('rating.star', value));
				star.setAttribute('aria-pressed', 'false');
				star.addEventListener('click', function () {
					score = value;
					stars.querySelectorAll('button').forEach(function (other) {
						other.setAttribute('aria-pressed', Number(other.getAttribute('data-score')) <= value ? 'true' : 'false');
					});
					submit.disabled = false;
				});
				stars.appendChild(star);
			})(i);
		}
		form.appendChild(stars);
		var comment = el('textarea');
		comment.name = 'comment';
		comment.maxLength = 1000;
		comment.rows = 2;
		comment.placeholder = t('rating.comment');
		comment.setAttribute('aria-label', t('rating.comment'));
		form.appendChild(comment);
		var submit = el('button', 'button', t('rating.send'));
		submit.type = 'submit';
		submit.disabled = true;
		form.appendChild(submit);
		var error = el('p', 'error');
		form.appendChild(error);
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			var body = { score: score };
			if (comment.value.trim()) {
				body.comment = comment.value.trim();
			}
			submit.disabled = true;
			request('POST', '/api/widget/conversations/' + conversation.id + '/rating', body).then(function () {
				form.replaceWith(el('p', 'hint', t('rating.thanks')));
			}, function (failure) {
				submit.disabled = false;
				error.textContent = errorText(failure);
			});
		});
		return form;
	}

	// ---- offline form ---------------------------------------------------------------------

	function showOfflineForm() {
		var footer = $('footer');
		footer.textContent = '';
		var form = el('form', 'offline');
		form.noValidate = true;
		form.appendChild(el('h2', 'hint', t('offline.title')));
		form.appendChild(el('p', 'hint', state.config.offlineMessage || t('offline.intro')));
		var fields = {};
		[['name', 'text', false], ['email', 'email', true], ['message', 'textarea', true]].forEach(function (field) {
			var label = el('label');
			label.appendChild(el('span', null, t('offline.' + field[0]) + (field[2] ? ' *' : '')));
			var input = field[1] === 'textarea' ? el('textarea') : el('input');
			if (field[1] !== 'textarea') {
				input.type = field[1];
			}
			else {
				input.rows = 3;
				input.maxLength = 5000;
			}
			input.name = field[0];
			input.required = field[2];
			label.appendChild(input);
			form.appendChild(label);
			fields[field[0]] = input;
		});
		var error = el('p', 'error');
		form.appendChild(error);
		var send = el('button', 'button', t('offline.send'));
		send.type = 'submit';
		form.appendChild(send);
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			var email = fields.email.value.trim();
			var message = fields.message.value.trim();
			if (!email || !message) {
				error.textContent = t('prechat.missing');
				return;
			}
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
				error.textContent = t('prechat.invalidEmail');
				return;
			}
			send.disabled = true;
			var body = { key: key, email: email, message: message };
			if (fields.name.value.trim()) {
				body.name = fields.name.value.trim();
			}
			request('POST', '/api/widget/offline-messages', body).then(function () {
				footer.textContent = '';
				var thanks = el('p', 'hint', t('offline.sent'));
				thanks.setAttribute('role', 'status');
				footer.appendChild(thanks);
			}, function (failure) {
				send.disabled = false;
				error.textContent = errorText(failure);
			});
		});
		footer.appendChild(form);
	}

	// ---- transports: the socket, or the event stream and POST ------------------------------

	var backoff = 0;
	var retryTimer = null;
	var MAX_FAILED_SOCKETS = 3;
	var MAX_FAILED_STREAMS = 5;
	var failedSockets = 0;
	var failedStreams = 0;

	function connect() {
		clearTimeout(retryTimer);
		if (!state.conversation) {
			return;
		}
		// a socket that never opens (a proxy refusing the upgrade) is given up for the event stream
		var socket = typeof window.WebSocket === 'function' && failedSockets < MAX_FAILED_SOCKETS;
		var Transport = socket ? SocketTransport : StreamTransport;
		document.documentElement.setAttribute('data-transport', socket ? 'socket' : 'stream');
		var joined = false;
		var transport = new Transport(state.conversation.id, handle, function () {
			if (state.transport !== transport) {
				return;
			}
			joined = true;
			failedSockets = socket ? 0 : failedSockets;
			failedStreams = socket ? failedStreams : 0;
			state.transport = transport;
			state.online = true;
			document.documentElement.setAttribute('data-connection', 'online');
			backoff = 0;
			showStatus('');
			flush();
			if (state.open) {
				markRead();
			}
		}, function () {
			if (state.transport !== transport) {
				return;
			}
			state.online = false;
			if (!joined) {
				if (socket) {
					failedSockets++;
				}
				else if (++failedStreams >= MAX_FAILED_STREAMS) {
					// the stream is refused (not a network blip): stop, and say so
					state.transport = null;
					document.documentElement.setAttribute('data-connection', 'offline');
					showStatus(t('error.generic'), true);
					refreshConversation();
					return;
				}
				// refused before it joined: the conversation may have ended meanwhile
				refreshConversation();
			}
			document.documentElement.setAttribute('data-connection', 'reconnecting');
			showStatus(t('status.reconnecting'));
			markPendingQueued();
			var delay = Math.min(30000, 1000 * Math.pow(2, backoff++)) * (0.75 + Math.random() / 2);
			retryTimer = setTimeout(connect, delay);
		});
		state.transport = transport;
		state.online = false;
		transport.open();
	}

	function markPendingQueued() {
		Object.keys(state.pending).forEach(function (clientMessageId) {
			state.pending[clientMessageId].querySelector('.meta').textContent = t('message.queued');
		});
	}

	function stopTransport() {
		clearTimeout(retryTimer);
		var transport = state.transport;
		state.transport = null;
		state.online = false;
		if (transport) {
			transport.stop();
		}
	}

	window.addEventListener('online', function () {
		if (state.transport && !state.online) {
			stopTransport();
			connect();
		}
	});

	function ticket() {
		return request('POST', '/api/widget/socket-tickets', {}).then(function (data) {
			return data.ticket;
		});
	}

	function SocketTransport(conversationId, onFrame, onUp, onDown) {
		var socket = null;
		var down = false;
		var lost = function () {
			if (!down) {
				down = true;
				onDown();
			}
		};
		this.open = function () {
			ticket().then(function (value) {
				var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
				socket = new WebSocket(scheme + location.host + '/ws?visitorTicket=' + encodeURIComponent(value));
				socket.onopen = function () {
					socket.send(JSON.stringify({ event: 'JOIN_CONVERSATION', data: { conversationId: conversationId, afterSequence: state.lastSequence } }));
				};
				socket.onmessage = function (event) {
					var frame;
					try {
						frame = JSON.parse(event.data);
					}
					catch (ex) {
						return;
					}
					if (frame.event === 'JOINED_CONVERSATION') {
						onUp();
					}
					onFrame(frame.event, frame.data || {});
				};
				socket.onclose = lost;
				socket.onerror = lost;
			}, lost);
		};
		var send = function (event, data) {
			if (socket && socket.readyState === 1) {
				data.conversationId = conversationId;
				socket.send(JSON.stringify({ event: event, data: data }));
			}
		};
		this.send = function (content, clientMessageId) {
			send('SEND_MESSAGE', { content: content, clientMessageId: clientMessageId });
		};
		this.typing = function (typing) {
			send('TYPING', { typing: typing });
		};
		this.read = function (sequence) {
			send('READ', { sequence: sequence });
		};
		this.stop = function () {
			down = true;
			if (socket) {
				socket.close();
			}
		};
		// for the tests: drops the connection as a network would
		this.drop = function () {
			if (socket) {
				socket.close();
			}
		};
	}

	var STREAM_EVENTS = ['JOINED_CONVERSATION', 'NEW_MESSAGE', 'MESSAGE_SENT', 'TYPING', 'READ', 'AGENT_CHANGED', 'PRESENCE',
		'QUEUE', 'CONVERSATION_STATUS', 'CONVERSATION_CLOSED', 'ERROR'];

	function StreamTransport(conversationId, onFrame, onUp, onDown) {
		var source = null;
		var down = false;
		var path = '/api/widget/conversations/' + conversationId;
		var lost = function () {
			if (!down) {
				down = true;
				if (source) {
					source.close();
				}
				onDown();
			}
		};
		var receive = function (name, raw) {
			var data;
			try {
				data = JSON.parse(raw);
			}
			catch (ex) {
				return;
			}
			if (data && typeof data.event === 'string' && data.data) {
				name = data.event;
				data = data.data;
			}
			if (name === 'JOINED_CONVERSATION') {
				onUp();
			}
			onFrame(name, data || {});
		};
		this.open = function () {
			ticket().then(function (value) {
				source = new EventSource('/api/widget/events?ticket=' + encodeURIComponent(value) + '&conversationId='
					+ encodeURIComponent(conversationId) + '&afterSequence=' + state.lastSequence);
				source.onopen = function () {
					// some servers send no JOINED first: an open stream is up
					onUp();
				};
				source.onmessage = function (event) {
					receive('message', event.data);
				};
				STREAM_EVENTS.forEach(function (name) {
					source.addEventListener(name, function (event) {
						receive(name, event.data);
					});
				});
				// the ticket was used once: never let EventSource retry with it
				source.onerror = lost;
			}, lost);
		};
		this.send = function (content, clientMessageId) {
			request('POST', path + '/messages', { content: content, clientMessageId: clientMessageId }).then(function (message) {
				message.clientMessageId = clientMessageId;
				add(message);
			}, function () {
				markPendingQueued();
			});
		};
		this.typing = function (typing) {
			request('POST', path + '/typing', { typing: typing }).catch(function () {});
		};
		this.read = function (sequence) {
			request('POST', path + '/read', { sequence: sequence }).catch(function () {});
		};
		this.stop = function () {
			down = true;
			if (source) {
				source.close();
			}
		};
		this.drop = lost;
	}

	var typingHide = null;

	function handle(event, data) {
		if (state.conversation && data.conversationId && data.conversationId !== state.conversation.id) {
			return;
		}
		switch (event) {
			case 'JOINED_CONVERSATION':
				if ('agent' in data && state.conversation) {
					state.conversation.agent = data.agent || null;
					showAgent(state.conversation.agent);
				}
				if (data.status && ENDED.indexOf(data.status) >= 0) {
					refreshConversation();
				}
				return;
			case 'NEW_MESSAGE':
			case 'chat:message':
				if (!data.note) {
					add(data);
				}
				return;
			case 'MESSAGE_SENT':
				if (state.pending[data.clientMessageId]) {
					confirm(data.clientMessageId, Number(data.sequence), null);
				}
				return;
			case 'TYPING':
			case 'chat:typing':
				var author = data.author || {};
				if (mine({ author: author })) {
					return;
				}
				var line = $('typing');
				clearTimeout(typingHide);
				if (data.typing) {
					line.textContent = author.name ? t('typing.agent', author.name) : t('typing.team');
					line.hidden = false;
					typingHide = setTimeout(function () {
						line.hidden = true;
					}, 8000);
					scrollDown();
				}
				else {
					line.hidden = true;
				}
				return;
			case 'READ':
			case 'chat:read':
				if (!mine({ author: data.author || {} })) {
					state.agentRead = Math.max(state.agentRead, Number(data.sequence) || 0);
					updateReceipts();
				}
				return;
			case 'AGENT_CHANGED':
				state.conversation.agent = data.agent || null;
				showAgent(state.conversation.agent);
				showQueue(null);
				return;
			case 'PRESENCE':
			case 'chat:presence':
				if (state.conversation.agent && data.presence) {
					state.conversation.agent.presence = data.presence;
					showAgent(state.conversation.agent);
				}
				return;
			case 'QUEUE':
				showQueue(data);
				return;
			case 'CONVERSATION_STATUS':
				// resolved by the team: the rating form comes at once, not after a reload
				if (ENDED.indexOf(data.status) >= 0) {
					refreshConversation();
				}
				return;
			case 'CONVERSATION_CLOSED':
				refreshConversation();
				return;
			case 'ERROR':
				if (/too many missed/i.test(data.message || '')) {
					loadHistory(state.conversation.id, state.lastSequence).then(function () {
						state.transport && state.transport.drop();
					});
				}
				else if (/too many/i.test(data.message || '')) {
					showStatus(t('error.tooMany'), true);
				}
				else if (!state.online && state.transport) {
					// refused before JOINED (the conversation closed while offline, say): down, and look again
					state.transport.drop();
				}
				return;
		}
	}

	// a hook for the browser tests to drop the connection as a network would
	window.parleyDropConnection = function () {
		if (state.transport) {
			state.transport.drop();
		}
	};

	$('close').addEventListener('click', function () {
		toHost('close');
	});

	if (embedded) {
		toHost('loaded');
		// a frame whose host never answers still works, as an unembedded page
		setTimeout(function () {
			if (!initialized) {
				initialized = true;
				startedAlone = true;
				start();
			}
		}, 3000);
	}
	else {
		initialized = true;
		start();
	}
})();
