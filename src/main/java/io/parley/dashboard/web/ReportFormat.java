package io.parley.dashboard.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.parley.analytics.Satisfaction;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * How the reports page writes its numbers in the member's language: durations as their
 * two largest units ({@code 4m 30s}, {@code 2h 5m}, {@code 1d 3h}, the rest cut off),
 * shares as percentages, averages with one decimal, and a dash for a number that does not
 * exist (a median over no conversation).
 */
final class ReportFormat {

	private final MessageSource messages;

	private final Locale locale;

	ReportFormat(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	String duration(@Nullable Duration duration) {
		if (duration == null) {
			return none();
		}
		long seconds = duration.toSeconds();
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3_600;
		long minutes = seconds % 3_600 / 60;
		if (days > 0) {
			return units("d", days, "h", hours);
		}
		if (hours > 0) {
			return units("h", hours, "m", minutes);
		}
		if (minutes > 0) {
			return units("m", minutes, "s", seconds % 60);
		}
		return unit("s", seconds);
	}

	/** A day as the member's language writes it: {@code Mar 28, 2027}. */
	String date(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale).format(date);
	}

	/** The satisfied share as a percentage: {@code 50%}. */
	String share(Satisfaction satisfaction) {
		if (satisfaction.satisfiedShare() == null) {
			return none();
		}
		return NumberFormat.getPercentInstance(this.locale).format(satisfaction.satisfiedShare());
	}

	String average(Satisfaction satisfaction) {
		if (satisfaction.averageScore() == null) {
			return none();
		}
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMaximumFractionDigits(1);
		return format.format(satisfaction.averageScore());
	}

	String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	String none() {
		return message("reports.none");
	}

	private String units(String larger, long largerValue, String smaller, long smallerValue) {
		return (smallerValue > 0) ? unit(larger, largerValue) + " " + unit(smaller, smallerValue)
				: unit(larger, largerValue);
	}

	private String unit(String unit, long value) {
		return message("reports.unit." + unit, String.valueOf(value));
	}

}
