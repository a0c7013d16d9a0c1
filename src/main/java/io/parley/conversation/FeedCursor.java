package io.parley.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a reader of the message log stands: every position up to {@code position} has
 * been read, except the gaps, positions taken by a transaction not committed when the
 * reader passed them. A gap is read again until its message appears or it is older than
 * any transaction can run (then its insert was rolled back).
 *
 * @param gaps each open gap's position and when it was first noticed
 */
public record FeedCursor(long position, SortedMap<Long, Instant> gaps) {

	/** Before the first message. */
	public static final FeedCursor START = new FeedCursor(0, new TreeMap<>());

	public FeedCursor {
		if (position < 0) {
			throw new IllegalArgumentException("A log position is never negative: " + position);
		}
		gaps = Collections.unmodifiableSortedMap(new TreeMap<>(gaps));
	}

	static FeedCursor parse(long position, String gaps) {
		SortedMap<Long, Instant> open = new TreeMap<>();
		for (String gap : gaps.split(",")) {
			if (!gap.isEmpty()) {
				int at = gap.indexOf('@');
				open.put(Long.parseLong(gap.substring(0, at)),
						Instant.ofEpochMilli(Long.parseLong(gap.substring(at + 1))));
			}
		}
		return new FeedCursor(position, open);
	}

	String gapsText() {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<Long, Instant> gap : this.gaps.entrySet()) {
			text.append((text.length() > 0) ? "," : "")
				.append(gap.getKey())
				.append('@')
				.append(gap.getValue().toEpochMilli());
		}
		return text.toString();
	}

}
