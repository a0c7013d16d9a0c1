// The conversation page live: joins the conversation's room after every (re)connect
// with the position of the last message it shows, so the server replays exactly what
// was missed; appends arriving messages (as text, never HTML), shows the customer
// typing, and tells the customer when the agent types.
(function () {
	'use strict';

	var body = document.body;
	var conversationId = body.dataset.conversationId;
	var list = document.getElementById('messages');
	var history = document.getElementById('history');
	var form = document.getElementById('reply');
	var typingLine = document.getElementById('typing');
	var joined = false;
	var pollTimer = null;

	function lastPosition() {
		var sequence = 0;
		var note = 0;
		list.querySelectorAll('li.message').forEach(function (item) {
			sequence = Math.max(sequence, Number(item.dataset.sequence || 0));
			note = Math.max(note, Number(item.dataset.note || 0));
		});
		return { sequence: Math.max(sequence, Number(body.dataset.lastSequence || 0)),
			note: Math.max(note, Number(body.dataset.lastNote || 0)) };
	}

	// a message can come twice: from the socket and as the answer to one's own send
	function dedupe() {
		var seen = {};
		list.querySelectorAll('li.message').forEach(function (item) {
			var key = item.dataset.position;
			if (seen[key]) {
				item.remove();
			}
			seen[key] = true;
		});
	}

	function nearBottom() {
		return history.scrollHeight - history.scrollTop - history.clientHeight < 120;
	}

	function toBottom() {
		history.scrollTop = history.scrollHeight;
	}

	function element(tag, className, text) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	function render(data) {
		var internal = data.note !== undefined && data.note !== null && data.type !== undefined
			&& (data.type === 'note' || data.type === 'system');
		var author = data.author || {};
		var item = element('li', 'message ' + (data.type === 'system' ? 'system' : (internal ? 'note' : (author.type || ''))));
		item.dataset.sequence = String(data.sequence || 0);
		item.dataset.note = String(internal ? data.note : 0);
		item.dataset.position = internal ? data.sequence + '.' + data.note : String(data.sequence);
		var meta = element('div', 'meta');
		meta.appendChild(element('strong', 'author', data.type === 'system' ? (body.dataset.systemName || 'Parley') : (author.name || '')));
		if (internal && data.type !== 'system') {
			meta.appendChild(element('span', 'kind', body.dataset.noteLabel || 'Note'));
		}
		var time = element('time', null, data.createdAt);
		time.setAttribute('datetime', data.createdAt);
		meta.appendChild(time);
		item.appendChild(meta);
		item.appendChild(element('p', 'content', data.content));
		if (data.attachments && data.attachments.length) {
			item.appendChild(files(data.attachments));
		}
		return item;
	}

	// files are downloaded with the session, from the dashboard's own route
	function files(attachments) {
		var shown = element('ul', 'files');
		attachments.forEach(function (attachment) {
			var url = '/app/attachments/' + encodeURIComponent(attachment.id);
			var entry = element('li');
			var link = element('a', attachment.image ? 'thumbnail' : 'download', attachment.image ? null : attachment.name);
			link.href = url;
			if (attachment.image) {
				link.target = '_blank';
				link.rel = 'noopener';
				link.title = attachment.name;
				var image = element('img');
				image.src = url;
				image.alt = attachment.name;
				link.appendChild(image);
			}
			else {
				link.setAttribute('download', '');
			}
			entry.appendChild(link);
			shown.appendChild(entry);
		});
		return shown;
	}

	function append(item) {
		var stick = nearBottom();
		list.appendChild(item);
		dedupe();
		if (window.Parley.localTimes) {
			window.Parley.localTimes(item);
		}
		if (stick) {
			toBottom();
		}
	}

	function join() {
		var position = lastPosition();
		window.Parley.live.send('JOIN_CONVERSATION', { conversationId: conversationId,
			afterSequence: position.sequence, afterNote: position.note, systemMessages: true });
	}

	// supervisors and admins do not take part in rooms: they read what is new instead
	function poll() {
		if (pollTimer !== null) {
			return;
		}
		pollTimer = setInterval(catchUp, 5000);
	}

	function catchUp() {
		var position = lastPosition();
		var after = position.note > 0 ? position.sequence + '.' + position.note : String(position.sequence);
		window.htmx.ajax('GET', '/app/conversations/' + conversationId + '/messages?after=' + encodeURIComponent(after),
			{ target: '#messages', swap: 'beforeend' });
	}

	// read receipts: the customer's read mark shows as "Seen" under the last reply they
	// read; the agent's own reading moves theirs (and the inbox's unread count)
	var customerRead = Number(body.dataset.customerRead || 0);
	function showSeen() {
		list.querySelectorAll('.seen-mark').forEach(function (mark) {
			mark.remove();
		});
		var last = null;
		list.querySelectorAll('li.message.member').forEach(function (item) {
			if (Number(item.dataset.sequence) <= customerRead && Number(item.dataset.note || 0) === 0) {
				last = item;
			}
		});
		if (last) {
			last.appendChild(element('span', 'seen-mark', body.dataset.seenLabel || 'Seen'));
		}
	}
	var readSent = 0;
	var readTimer = null;
	function markRead() {
		if (!joined || document.hidden) {
			return;
		}
		clearTimeout(readTimer);
		readTimer = setTimeout(function () {
			var sequence = lastPosition().sequence;
			if (sequence > readSent) {
				readSent = sequence;
				window.Parley.live.send('READ', { conversationId: conversationId, sequence: sequence });
			}
		}, 500);
	}
	document.addEventListener('visibilitychange', markRead);
	window.Parley.live.on('READ', function (data) {
		if (data.conversationId === conversationId && data.author && data.author.type === 'contact') {
			customerRead = Math.max(customerRead, Number(data.sequence || 0));
			showSeen();
		}
	});
	showSeen();

	window.Parley.live.onOpen(join);
	window.Parley.live.on('JOINED_CONVERSATION', function (data) {
		if (data.conversationId === conversationId) {
			joined = true;
			markRead();
			if (pollTimer !== null) {
				clearInterval(pollTimer);
				pollTimer = null;
			}
		}
	});
	window.Parley.live.on('ERROR', function () {
		if (!joined) {
			poll();
			catchUp();
		}
	});
	// a customer's mail folds its quoted history: the server renders it (decision 113)
	var byMail = body.dataset.channel === 'email';
	window.Parley.live.on('NEW_MESSAGE', function (data) {
		if (data.conversationId === conversationId && byMail && data.author && data.author.type === 'contact'
			&& window.htmx) {
			catchUp();
			typingLine.textContent = '';
			markRead();
			return;
		}
		if (data.conversationId === conversationId) {
			append(render(data));
			typingLine.textContent = '';
			showSeen();
			markRead();
		}
	});
	// what became of a mailed reply changed: its mark is rendered again by the server,
	// in place of the one shown (a reply shown a moment later gets one more look)
	function refreshDelivery(sequence, again) {
		var item = list.querySelector('li.message[data-position="' + sequence + '"]');
		if (!item) {
			if (again) {
				setTimeout(function () {
					refreshDelivery(sequence, false);
				}, 1000);
			}
			return;
		}
		var mark = item.querySelector('.delivery');
		window.htmx.ajax('GET', '/app/conversations/' + conversationId + '/messages/' + sequence + '/delivery',
			mark ? { target: mark, swap: 'outerHTML' } : { target: item, swap: 'beforeend' });
	}
	window.Parley.live.on('MESSAGE_DELIVERY', function (data) {
		var sequence = Number(data.sequence);
		if (data.conversationId === conversationId && window.htmx && Number.isInteger(sequence) && sequence > 0) {
			refreshDelivery(sequence, true);
		}
	});
	// supervisors and admins, outside the room, read what is new as soon as they hear of it
	window.Parley.live.on('CONVERSATION_ACTIVITY', function (data) {
		if (data.conversationId === conversationId && !joined && pollTimer !== null) {
			catchUp();
		}
	});
	window.Parley.live.on('TYPING', function (data) {
		if (data.conversationId === conversationId && data.author && data.author.type === 'contact') {
			typingLine.textContent = data.typing ? (body.dataset.typingLabel || 'Typing…') : '';
		}
	});
	// given to someone else: the page says so and the reply box closes
	var header = document.querySelector('header.top');
	var me = header ? header.dataset.me : null;
	var wasMine = body.dataset.agentId === me;
	function lost() {
		var banner = document.getElementById('lost');
		banner.hidden = false;
		banner.setAttribute('role', 'alert');
		form.querySelectorAll('textarea, button, input').forEach(function (field) {
			field.disabled = true;
		});
	}
	window.Parley.live.on('CONVERSATION_UPDATED', function (data) {
		if (data.conversationId === conversationId && wasMine && data.agentId !== me) {
			wasMine = false;
			lost();
		}
	});
	// deleted (decision 108): the room is closed and every inbox told it is gone; the
	// page asks whether it is still there before it says which
	var deleted = false;
	function goneOrLost(wasTheirs) {
		fetch('/app/conversations/' + conversationId + '/details', { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
			.then(function (response) {
				if (response.status === 404 && !deleted) {
					deleted = true;
					var banner = document.getElementById('deleted');
					banner.hidden = false;
					banner.setAttribute('role', 'alert');
					document.querySelectorAll('#reply textarea, #reply button, #reply input, #attach button, #attach input, #details button, #details select, #details input, #details textarea')
						.forEach(function (field) {
							field.disabled = true;
						});
				}
				else if (response.status !== 404 && wasTheirs) {
					lost();
				}
			}, function () {
				if (wasTheirs) {
					lost();
				}
			});
	}
	window.Parley.live.on('CONVERSATION_REMOVED', function (data) {
		if (data.conversationId === conversationId) {
			var wasTheirs = wasMine;
			wasMine = false;
			goneOrLost(wasTheirs);
		}
	});
	window.Parley.live.on('CONVERSATION_CLOSED', function (data) {
		if (data.conversationId === conversationId) {
			goneOrLost(false);
		}
	});
	// merged into another conversation (decision 84): the page says where it goes on
	window.Parley.live.on('CONVERSATION_MERGED', function (data) {
		if (data.conversationId === conversationId) {
			var banner = document.getElementById('merged');
			document.getElementById('merged-link').setAttribute('href', '/app/conversations/' + encodeURIComponent(data.intoId));
			banner.hidden = false;
			banner.setAttribute('role', 'alert');
			document.querySelectorAll('#reply textarea, #reply button, #reply input, #attach button, #attach input')
				.forEach(function (field) {
					field.disabled = true;
				});
		}
	});
	window.Parley.live.on('CONVERSATION_UPDATED', function (data) {
		if (data.conversationId === conversationId && window.htmx) {
			window.htmx.ajax('GET', '/app/conversations/' + conversationId + '/details', { target: '#details', swap: 'outerHTML' });
		}
	});

	// sending: a fresh clientMessageId per message, so a repeated send is stored once
	function newClientId(target) {
		(target || form).querySelector('input[name="clientMessageId"]').value = (window.crypto && window.crypto.randomUUID)
			? window.crypto.randomUUID() : String(Date.now()) + Math.random();
	}
	newClientId();

	// a file goes with what the reply box holds as its caption; a refusal (too large, a
	// type not sent) shows beside the reply box
	var attach = document.getElementById('attach');
	var replyError = document.getElementById('reply-error');
	function refused(text) {
		replyError.textContent = text;
		replyError.hidden = false;
	}
	if (attach) {
		newClientId(attach);
		var chosen = attach.querySelector('input[type="file"]');
		chosen.addEventListener('change', function () {
			replyError.hidden = true;
		});
		// the reply box's text as the caption: not an included field, whose "required"
		// would stop a file sent without one
		attach.addEventListener('htmx:configRequest', function (event) {
			var caption = form.querySelector('textarea').value;
			var asNote = form.querySelector('#note');
			// a note's text is never a caption the customer sees: it stays in the box
			if (caption.trim() !== '' && !(asNote && asNote.checked)) {
				event.detail.parameters.content = caption;
			}
		});
		attach.addEventListener('htmx:beforeRequest', function (event) {
			var file = chosen.files && chosen.files[0];
			if (file && file.size > Number(attach.dataset.maxSize || Infinity)) {
				event.preventDefault();
				refused(attach.dataset.tooLarge);
				return;
			}
			replyError.hidden = true;
		});
		attach.addEventListener('htmx:afterRequest', function (event) {
			if (event.detail.successful) {
				chosen.value = '';
				form.querySelector('textarea').value = '';
				newClientId(attach);
				dedupe();
				toBottom();
			}
		});
		attach.addEventListener('htmx:responseError', function (event) {
			var holder = document.createElement('div');
			holder.innerHTML = event.detail.xhr.responseText;
			var error = holder.querySelector('.error');
			refused(error ? error.textContent
				: (event.detail.xhr.status === 413 ? attach.dataset.tooLarge : String(event.detail.xhr.status)));
		});
	}
	form.addEventListener('htmx:afterRequest', function (event) {
		if (event.detail.successful) {
			form.querySelector('textarea').value = '';
			newClientId();
			dedupe();
			toBottom();
			sendTyping(false);
		}
	});
	form.querySelector('textarea').addEventListener('keydown', function (event) {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
			event.preventDefault();
			if (form.querySelector('textarea').value.trim() !== '') {
				window.htmx.trigger(form, 'submit');
			}
		}
	});

	var typingSince = 0;
	var typingStop = null;
	function sendTyping(typing) {
		if (joined) {
			window.Parley.live.send('TYPING', { conversationId: conversationId, typing: typing });
		}
		typingSince = typing ? Date.now() : 0;
	}
	form.querySelector('textarea').addEventListener('input', function () {
		if (Date.now() - typingSince > 3000) {
			sendTyping(true);
		}
		clearTimeout(typingStop);
		typingStop = setTimeout(function () {
			sendTyping(false);
		}, 4000);
	});

	// scrolling back keeps the message one was reading where it was
	var heightBefore = 0;
	document.addEventListener('htmx:beforeSwap', function (event) {
		if (event.detail.target && event.detail.target.id === 'older') {
			heightBefore = history.scrollHeight;
		}
	});
	document.addEventListener('htmx:afterSettle', function (event) {
		if (heightBefore > 0) {
			history.scrollTop += history.scrollHeight - heightBefore;
			heightBefore = 0;
		}
		dedupe();
	});

	document.addEventListener('DOMContentLoaded', toBottom);
	toBottom();
}());
