package io.parley.contact.web;

import io.parley.contact.ContactNote;
import io.parley.contact.ContactNotebook.Entry;
import io.parley.system.Timestamps;

record NoteView(String id, String authorId, String authorName, String content, String createdAt) {

	static NoteView of(Entry entry) {
		ContactNote note = entry.note();
		return new NoteView(note.id().toString(), note.authorId().toString(), entry.authorName(), note.content(),
				Timestamps.format(note.createdAt()));
	}

}
