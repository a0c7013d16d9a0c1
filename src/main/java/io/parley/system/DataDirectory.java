package io.parley.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folder Parley keeps its files in ({@code PARLEY_DATA_DIR}, {@code ./data} by
 * default): the embedded database and generated secrets.
 */
@Component
public class DataDirectory {

	private final Path root;

	DataDirectory(@Value("${parley.data-dir}") String root) {
		this.root = Path.of(root).toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + this.root, ex);
		}
	}

	public Path root() {
		return this.root;
	}

	public Path resolve(String name) {
		return this.root.resolve(name);
	}

}
