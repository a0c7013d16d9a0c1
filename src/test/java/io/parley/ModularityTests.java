package io.parley;

import java.nio.file.Path;

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
			.containsExactlyInAnyOrder("system", "identity", "contact", "conversation", "analytics", "realtime",
					"widget");
	}

	/**
	 * Keeps {@code docs/modules} (component diagrams and module canvases) in step with
	 * the code.
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();
		assertThat(Path.of("docs/modules/components.puml")).exists();
	}

}
