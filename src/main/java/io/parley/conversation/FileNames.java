package io.parley.conversation;

/**
 * The name an attachment is shown by: the client's, without any folder, control
 * characters or surrounding blanks, and not longer than a stored name. It is only ever
 * shown, as text, and offered as the name to save the file under.
 */
final class FileNames {

	static final String DEFAULT = "file";

	private FileNames() {
	}

	static String shown(String name) {
		if (name == null) {
			return DEFAULT;
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(last.length());
		last.codePoints()
			.filter((point) -> !Character.isISOControl(point) && Character.getType(point) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String shown = clean.toString().strip();
		if (shown.isEmpty() || shown.equals(".") || shown.equals("..")) {
			return DEFAULT;
		}
		if (shown.length() > Attachment.MAX_NAME_LENGTH) {
			int end = Attachment.MAX_NAME_LENGTH;
			// never half of a surrogate pair
			if (Character.isHighSurrogate(shown.charAt(end - 1))) {
				end--;
			}
			shown = shown.substring(0, end);
		}
		return shown;
	}

}
