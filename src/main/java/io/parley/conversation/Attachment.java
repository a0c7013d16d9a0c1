package io.parley.conversation;

import java.util.Locale;

/**
 * A file a message carries. Its type is the one sniffed from its content when it was
 * uploaded; its name is the uploader's, shown as text and never used to store it.
 *
 * @param size its length in bytes
 */
public record Attachment(AttachmentId id, String name, String contentType, long size) {

	/** Where the staff download it. */
	public static final String STAFF_PATH = "/api/attachments/";

	/** Where a widget visitor downloads it. */
	public static final String VISITOR_PATH = "/api/widget/attachments/";

	/** The longest name kept; a longer one is cut. */
	public static final int MAX_NAME_LENGTH = 255;

	/** Whether clients may show it inline, as an image. */
	public boolean isImage() {
		return this.contentType.toLowerCase(Locale.ROOT).startsWith("image/");
	}

	/** Its address under {@code path} ({@link #STAFF_PATH}, {@link #VISITOR_PATH}). */
	public String url(String path) {
		return path + this.id;
	}

}
