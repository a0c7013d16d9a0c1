package io.parley.system;

/**
 * What text Parley accepts from clients: text every part of the system can carry. A lone
 * UTF-16 surrogate ({@code "\ud800"} is valid JSON) cannot be encoded as UTF-8, so a
 * socket or response carrying it fails; U+0000 is refused by PostgreSQL's text columns.
 * Both are refused where text comes in, so nothing stored is unsendable.
 */
public final class Text {

	private Text() {
	}

	/**
	 * @return whether {@code text} holds no U+0000 and no surrogate without its pair
	 */
	public static boolean isWellFormed(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

	/**
	 * {@code text} with every U+0000 and lone surrogate replaced by U+FFFD, for text
	 * stored before it was refused at the door: sent as it is, it would fail the frame.
	 */
	public static String repaired(String text) {
		if (isWellFormed(text)) {
			return text;
		}
		StringBuilder repaired = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				repaired.append(c).append(text.charAt(++i));
			}
			else {
				repaired.append((c == 0 || Character.isSurrogate(c)) ? '\uFFFD' : c);
			}
		}
		return repaired.toString();
	}

}
