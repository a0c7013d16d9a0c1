package io.parley;

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
			.containsExactlyInAnyOrder("system", "identity", "conversation", "analytics", "realtime");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
