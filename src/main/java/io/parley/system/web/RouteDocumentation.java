package io.parley.system.web;

import java.util.List;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to springdoc's description what the controllers' signatures do not show.
 * <ul>
 * <li>Which routes need a token. The security rules themselves are asked how they judge
 * an anonymous caller, so the description cannot drift from what the server enforces. A
 * public route whose handler takes an optional caller accepts a token too.</li>
 * <li>Every route may fail, and its failure is the envelope too.</li>
 * </ul>
 */
class RouteDocumentation {

	static final String BEARER = "bearerAuth";

	private static final String ENVELOPE = "ApiResponse";

	private static final String FAILURE = "Failure";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final List<SecurityRequirement> TOKEN_REQUIRED = List.of(new SecurityRequirement().addList(BEARER));

	/** The empty requirement is OpenAPI's way of saying "or no token at all". */
	private static final List<SecurityRequirement> TOKEN_OPTIONAL = List.of(new SecurityRequirement(),
			new SecurityRequirement().addList(BEARER));

	private final HandlerRoutes routes;

	private final WebInvocationPrivilegeEvaluator privileges;

	RouteDocumentation(HandlerRoutes routes, WebInvocationPrivilegeEvaluator privileges) {
		this.routes = routes;
		this.privileges = privileges;
	}

	void describe(OpenAPI openApi) {
		describeEnvelope(openApi);
		openApi.getComponents()
			.addResponses(FAILURE, new ApiResponse()
				.description("The request failed: `{\"success\": false, \"error\": \"...\"}` with the status code; "
						+ "docs/api.md lists the error texts of each route.")
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ENVELOPE)))));
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> describe(path, method.name(), operation)));
		}
	}

	private void describe(String path, String method, Operation operation) {
		if (!this.privileges.isAllowed("", path, method, ANONYMOUS)) {
			operation.setSecurity(TOKEN_REQUIRED);
		}
		else if (takesOptionalCaller(this.routes.handler(method, path))) {
			operation.setSecurity(TOKEN_OPTIONAL);
		}
		operation.getResponses().addApiResponse("default", new ApiResponse().$ref("#/components/responses/" + FAILURE));
	}

	private boolean takesOptionalCaller(HandlerMethod handler) {
		return handler != null && this.routes.suppliedArguments(handler).stream().anyMatch(MethodParameter::isOptional);
	}

	@SuppressWarnings("unchecked")
	private static void describeEnvelope(OpenAPI openApi) {
		if (openApi.getComponents().getSchemas() == null
				|| !openApi.getComponents().getSchemas().containsKey(ENVELOPE)) {
			// no route answers with the envelope itself, yet failures refer to it
			ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
				.read(io.parley.system.ApiResponse.class)
				.forEach(openApi.getComponents()::addSchemas);
		}
		Schema<Object> envelope = openApi.getComponents().getSchemas().get(ENVELOPE);
		envelope.description("The envelope of every JSON answer: `{\"success\": true, \"data\": ...}` "
				+ "or `{\"success\": false, \"error\": \"...\"}`.");
		envelope.required(List.of("success"));
		annotate(envelope, "success", "whether the request succeeded");
		annotate(envelope, "data", "the result, present when `success` is true");
		annotate(envelope, "error", "what went wrong, present when `success` is false");
	}

	private static void annotate(Schema<Object> envelope, String property, String description) {
		Schema<?> schema = (envelope.getProperties() != null) ? envelope.getProperties().get(property) : null;
		if (schema != null) {
			schema.description(description);
		}
	}

}
