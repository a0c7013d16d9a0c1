package io.parley.conversation;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where attachments' bytes are kept, by their id alone: never by a name a client chose.
 * The default keeps them in the data folder ({@link FileSystemAttachmentStorage});
 * another implementation (an object store) replaces it as a {@code @Primary} bean.
 */
public interface AttachmentStorage {

	/**
	 * Stores the content under the id, whole or not at all.
	 * @param maxSize the most bytes accepted
	 * @return the number of bytes stored
	 * @throws io.parley.system.ParleyException
	 * {@link io.parley.system.ErrorCode#ATTACHMENT_TOO_LARGE} when the content is longer
	 * than {@code maxSize}; nothing is stored then
	 */
	long put(AttachmentId id, InputStream content, long maxSize);

	/** The content stored under the id, to be closed by the reader. */
	Optional<InputStream> get(AttachmentId id);

	/** Forgets the content stored under the id, if any. */
	void delete(AttachmentId id);

}
