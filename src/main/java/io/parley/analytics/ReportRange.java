package io.parley.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.parley.system.ErrorCode;

/**
 * The days a report covers: from {@code from} to {@code to}, both included, as local
 * dates of the workspace's time zone.
 */
public record ReportRange(LocalDate from, LocalDate to) {

	/** The most days one report covers: a leap year. */
	public static final int MAX_DAYS = 366;

	/**
	 * The days a report covers when the caller names none: the last 30, today included.
	 */
	public static final int DEFAULT_DAYS = 30;

	public ReportRange {
		// years a database stores whatever the zone, the day after included
		if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS || from.getYear() < 2
				|| to.getYear() > 9998) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	/**
	 * The range of the query parameters {@code from} and {@code to} ({@code 2027-03-28});
	 * without {@code to} it ends today, without {@code from} it starts
	 * {@link #DEFAULT_DAYS} days before its end, counted inclusively.
	 * @param today today in the workspace's time zone
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a date that is none, {@code from} after {@code to}, or more than
	 * {@link #MAX_DAYS} days
	 */
	public static ReportRange parse(String from, String to, LocalDate today) {
		LocalDate end = isGiven(to) ? date(to) : today;
		LocalDate start = isGiven(from) ? date(from) : end.minusDays(DEFAULT_DAYS - 1);
		return new ReportRange(start, end);
	}

	/** The first instant of the range in the zone. */
	public Instant start(ZoneId zone) {
		return this.from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the range in the zone. */
	public Instant end(ZoneId zone) {
		return this.to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** Every day of the range, in order. */
	public List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = this.from; !day.isAfter(this.to); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

	private static boolean isGiven(String value) {
		return value != null && !value.isEmpty();
	}

	private static LocalDate date(String value) {
		// ISO yyyy-MM-dd only: LocalDate.parse takes no other shape, and its years beyond
		// 9999 need a sign
		if (value.length() != 10) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

}
