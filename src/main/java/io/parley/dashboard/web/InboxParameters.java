package io.parley.dashboard.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.parley.conversation.Channel;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.InboxFilter;
import io.parley.conversation.InboxFilter.Assignee;
import io.parley.conversation.InboxFilter.Sleep;
import io.parley.conversation.Priority;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's query: unknown values are ignored rather than refused, as a link or an old
 * bookmark may carry them.
 */
public record InboxParameters(@Nullable String view, @Nullable String status, @Nullable String priority,
		@Nullable String channel, @Nullable String tag, @Nullable String q, @Nullable String sort,
		@Nullable String cursor) {

	/** Whether the conversations inactive longest come first ({@code sort=waiting}). */
	public boolean waitingFirst() {
		return "waiting".equals(this.sort);
	}

	public String currentView() {
		return switch ((this.view != null) ? this.view : "") {
			case "unassigned", "all", "snoozed" -> this.view;
			default -> "mine";
		};
	}

	/**
	 * The query this names, for a saved view: only the known parameters, each encoded, so
	 * a saved view opens exactly this inbox and nothing else.
	 */
	String queryString() {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("view", currentView());
		add(query, "status", this.status);
		add(query, "priority", this.priority);
		add(query, "channel", this.channel);
		add(query, "tag", this.tag);
		add(query, "q", this.q);
		if (waitingFirst()) {
			query.queryParam("sort", "waiting");
		}
		return query.encode().build().getQuery();
	}

	private static void add(UriComponentsBuilder query, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			query.queryParam(name, value.strip());
		}
	}

	InboxFilter filter() {
		Assignee assignee = switch (currentView()) {
			case "unassigned" -> Assignee.UNASSIGNED;
			case "all", "snoozed" -> Assignee.ANYONE;
			default -> Assignee.ME;
		};
		Set<ConversationStatus> statuses = (this.status != null) ? ConversationStatus.parse(this.status)
			.map(EnumSet::of)
			.orElse(EnumSet.copyOf(InboxPageController.OPEN)) : EnumSet.copyOf(InboxPageController.OPEN);
		Priority chosenPriority = (this.priority != null) ? Priority.parse(this.priority).orElse(null) : null;
		Channel chosenChannel = (this.channel != null) ? Channel.parse(this.channel).orElse(null) : null;
		String chosenTag = (this.tag != null && !this.tag.isBlank()) ? this.tag.trim().toLowerCase(Locale.ROOT) : null;
		String text = (this.q != null && !this.q.isBlank() && this.q.length() <= 200) ? this.q.trim() : null;
		return new InboxFilter(statuses, assignee, null, chosenPriority, chosenChannel, chosenTag, text,
				"snoozed".equals(currentView()) ? Sleep.ASLEEP : Sleep.AWAKE);
	}

}
