package io.parley.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The types of file allowed ({@code PARLEY_ATTACHMENT_TYPES}), told from the content by
 * Apache Tika's magic bytes and text detection, never from the name or the
 * {@code Content-Type} a client sent: a program renamed {@code photo.png} is a program.
 */
@Component
class ContentTypes {

	/** What detection answers for content it does not recognize. */
	static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

	private final Tika tika = new Tika();

	private final Set<String> allowed;

	ContentTypes(@Value("${parley.attachments.allowed-types}") String allowed) {
		this.allowed = Arrays.stream(allowed.split(","))
			.map((type) -> type.trim().toLowerCase(Locale.ROOT))
			.filter((type) -> !type.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The type of the content, from its first bytes: no name is given to the detector, so
	 * none can sway it.
	 */
	String detect(InputStream content) {
		try {
			return this.tika.detect(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an upload", ex);
		}
	}

	boolean isAllowed(String type) {
		return this.allowed.contains(type.toLowerCase(Locale.ROOT));
	}

	List<String> allowed() {
		return this.allowed.stream().sorted().toList();
	}

}
