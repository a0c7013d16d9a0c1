package io.parley.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every paged route answers it: {@code {items, nextCursor}}.
 *
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

	/** What a page holds when the client does not say: {@code limit} is 1 to 100. */
	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 100;

	/**
	 * The page out of up to {@code limit + 1} items read after the cursor: one more than
	 * asked tells whether a next page exists.
	 */
	public static <T> Page<T> of(List<T> found, int limit, Function<T, PageCursor> key) {
		if (found.size() <= limit) {
			return new Page<>(List.copyOf(found), null);
		}
		List<T> page = List.copyOf(found.subList(0, limit));
		return new Page<>(page, key.apply(page.get(limit - 1)).encode());
	}

	public <R> Page<R> map(Function<T, R> view) {
		return new Page<>(this.items.stream().map(view).toList(), this.nextCursor);
	}

}
