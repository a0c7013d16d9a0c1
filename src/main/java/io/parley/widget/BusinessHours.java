package io.parley.widget;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * When the team answers: per weekday ({@code monday} to {@code sunday}) a list of
 * intervals in the time zone, {@code from} inclusive, {@code to} exclusive, written
 * {@code HH:mm}; a day that is not listed is closed all day.
 */
public record BusinessHours(@NotBlank @Size(max = 60) String timeZone,
		@NotNull @Size(max = 7) Map<@Pattern(
				regexp = "^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$") String, @NotNull @Size(
						max = 10) List<@NotNull @Valid Interval>> days) {

	/** Whether the time lies within the hours. */
	public boolean isOpenAt(Instant instant) {
		ZonedDateTime local = instant.atZone(ZoneId.of(this.timeZone));
		List<Interval> today = this.days.getOrDefault(local.getDayOfWeek().name().toLowerCase(Locale.ROOT), List.of());
		LocalTime time = local.toLocalTime();
		return today.stream().anyMatch((interval) -> interval.contains(time));
	}

	boolean isConsistent() {
		try {
			ZoneId.of(this.timeZone);
			for (String day : this.days.keySet()) {
				DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
			}
			return this.days.values().stream().flatMap(List::stream).allMatch(Interval::isConsistent);
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * From {@code from} (inclusive) to {@code to} (exclusive; {@code 24:00} is midnight).
	 */
	public record Interval(@NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$") String from,
			@NotNull @Pattern(regexp = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$") String to) {

		boolean contains(LocalTime time) {
			return !time.isBefore(LocalTime.parse(this.from))
					&& ("24:00".equals(this.to) || time.isBefore(LocalTime.parse(this.to)));
		}

		boolean isConsistent() {
			try {
				return "24:00".equals(this.to) || LocalTime.parse(this.from).isBefore(LocalTime.parse(this.to));
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
