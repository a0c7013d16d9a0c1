package io.parley.system;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read strictly: a number or a boolean where the schema wants text is
 * a schema error, not something to guess at; and text that is not
 * {@link Text#isWellFormed well-formed} is refused by the parser itself, so every body,
 * socket frame and stored document is checked in one place.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	/** Replaces Spring Boot's factory, applying the same customizers. */
	@Bean
	JsonFactory jsonFactory(ObjectProvider<JsonFactoryBuilderCustomizer> customizers) {
		JsonFactoryBuilder builder = JsonFactory.builder();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new WellFormedTextJsonFactory(builder);
	}

	@Bean
	JsonMapperBuilderCustomizer strictText() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
