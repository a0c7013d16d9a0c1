package io.parley.email;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A customer's mail split into what they wrote now and what the view folds away: the
 * quoted history (a trailing block of {@code >} lines, an attribution in English or
 * German, Outlook's original-message rule or its From, Sent and To header block) and the
 * signature after a {@code -- } line (decision 113). Nothing is removed: the message
 * keeps its whole text, and a mail that is all quote is shown whole.
 */
public final class QuotedText {

	private static final Pattern ATTRIBUTION = Pattern
		.compile("^\\s*(On\\s.{1,300}\\swrote:|Am\\s.{1,300}\\sschrieb.{0,100}:)\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(On|Am)\\s.+$");

	private static final Pattern ATTRIBUTION_END = Pattern.compile("^.*\\s(wrote|schrieb.{0,100}):\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ORIGINAL = Pattern.compile(
			"^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)\\s*-{2,}\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von):\\*?\\s.+$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HEADER_FOLLOWS = Pattern
		.compile("^\\s*\\*?(Sent|Gesendet|Date|Datum|To|An|Subject|Betreff):\\*?\\s.*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern RULE = Pattern.compile("^\\s*_{5,}\\s*$");

	private QuotedText() {
	}

	/** The text's new part and the rest to fold, if any. */
	public static Split split(String text) {
		List<String> lines = Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
		int fold = foldsAt(lines);
		if (fold < 0) {
			return new Split(text, null);
		}
		String shown = String.join("\n", lines.subList(0, fold)).stripTrailing();
		String quoted = String.join("\n", lines.subList(fold, lines.size())).strip();
		if (shown.isBlank() || quoted.isEmpty()) {
			// all quote (a forward without a word): shown whole
			return new Split(text, null);
		}
		return new Split(shown, quoted);
	}

	/** The first line of what is folded, or -1. */
	private static int foldsAt(List<String> lines) {
		int quoteBlock = trailingQuoteBlock(lines);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (i == quoteBlock || line.equals("-- ") || line.equals("--") || ATTRIBUTION.matcher(line).matches()
					|| ORIGINAL.matcher(line).matches()) {
				return i;
			}
			if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.size()
					&& ATTRIBUTION_END.matcher(lines.get(i + 1)).matches()
					&& line.length() + lines.get(i + 1).length() < 400 && isQuoteOrBlank(lines, i + 2)) {
				// an attribution wrapped over two lines
				return i;
			}
			if (HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i + 1)) {
				return (i > 0 && RULE.matcher(lines.get(i - 1)).matches()) ? i - 1 : i;
			}
		}
		return -1;
	}

	/**
	 * Where the block of {@code >} lines that runs to the end starts (blank lines
	 * within), or -1: quotes between answers stay, they are the answers' context.
	 */
	private static int trailingQuoteBlock(List<String> lines) {
		int start = -1;
		for (int i = lines.size() - 1; i >= 0; i--) {
			String line = lines.get(i).stripLeading();
			if (line.startsWith(">")) {
				start = i;
			}
			else if (!line.isEmpty()) {
				break;
			}
		}
		return start;
	}

	private static boolean isQuoteOrBlank(List<String> lines, int from) {
		return from >= lines.size() || lines.get(from).isBlank() || lines.get(from).stripLeading().startsWith(">");
	}

	/** Two of Sent, To, Subject (or Date) right after a From line: Outlook's header. */
	private static boolean headerBlockFollows(List<String> lines, int from) {
		int found = 0;
		for (int i = from; i < Math.min(lines.size(), from + 5); i++) {
			if (HEADER_FOLLOWS.matcher(lines.get(i)).matches()) {
				found++;
			}
		}
		return found >= 2;
	}

	/**
	 * A mail's text as the view shows it.
	 *
	 * @param shown what the customer wrote now
	 * @param quoted what is folded away, {@code null} when nothing is
	 */
	public record Split(String shown, @Nullable String quoted) {
	}

}
