package io.parley.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.parley.system.DataDirectory;
import io.parley.system.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Keeps attachments as files in {@code attachments/} of the data folder, named by their
 * random id, under a folder of the id's first two characters so that no folder grows too
 * large. A file is written under a temporary name and moved into place once whole, so a
 * reader never sees half of one.
 */
@Component
class FileSystemAttachmentStorage implements AttachmentStorage {

	private static final int BUFFER = 64 * 1024;

	private final Path root;

	FileSystemAttachmentStorage(DataDirectory data) {
		this.root = data.resolve("attachments");
	}

	/** The folder the files are in. */
	Path root() {
		return this.root;
	}

	@Override
	public long put(AttachmentId id, InputStream content, long maxSize) {
		Path target = pathOf(id);
		Path partial = target.resolveSibling(id + ".partial");
		try {
			Files.createDirectories(target.getParent());
			long written = 0;
			try (OutputStream out = Files.newOutputStream(partial)) {
				byte[] buffer = new byte[BUFFER];
				int read;
				while ((read = content.read(buffer)) >= 0) {
					written += read;
					if (written > maxSize) {
						throw ErrorCode.ATTACHMENT_TOO_LARGE.exception();
					}
					out.write(buffer, 0, read);
				}
			}
			move(partial, target);
			return written;
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("Could not store attachment " + id, ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(partial);
			throw ex;
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Override
	public Optional<InputStream> get(AttachmentId id) {
		try {
			return Optional.of(Files.newInputStream(pathOf(id)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read attachment " + id, ex);
		}
	}

	@Override
	public void delete(AttachmentId id) {
		try {
			Files.deleteIfExists(pathOf(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete attachment " + id, ex);
		}
	}

	private Path pathOf(AttachmentId id) {
		// the id is a UUID: its text cannot leave the folder
		String name = id.toString();
		return this.root.resolve(name.substring(0, 2)).resolve(name);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover partial file is never read: it has no id's name
		}
	}

}
