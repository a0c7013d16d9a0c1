package io.parley;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(ParleyApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		this.modules.verify();
	}

	@Test
	void theFeaturesAreModules() {
		assertThat(this.modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("system", "identity", "workspace", "contact", "conversation", "analytics",
					"realtime", "widget", "oidc", "canned", "notification", "email", "dashboard");
	}

	/**
	 * Keeps {@code docs/modules} (component diagrams and module canvases) in step with
	 * the code.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();
		try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
			for (Path file : files.toList()) {
				Files.write(file, inStableOrder(Files.readAllLines(file)));
			}
		}
		assertThat(Path.of("docs/modules/components.puml")).exists();
	}

	/**
	 * The documenter lists relations and events in no fixed order; sorting each run of
	 * such lines keeps the committed files from changing when the code did not.
	 */
	private static List<String> inStableOrder(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines.size());
		int start = 0;
		while (start < lines.size()) {
			int end = start + 1;
			while (isListItem(lines.get(start)) && end < lines.size() && isListItem(lines.get(end))) {
				end++;
			}
			sorted.addAll(lines.subList(start, end).stream().sorted().toList());
			start = end;
		}
		return sorted;
	}

	private static boolean isListItem(String line) {
		return line.startsWith("Rel(") || line.startsWith("* `");
	}

}
