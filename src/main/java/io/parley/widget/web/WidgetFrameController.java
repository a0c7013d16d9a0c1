package io.parley.widget.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.parley.widget.AllowedOrigins;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.WorkspaceId;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's iframe document, {@code GET /widget/frame.html?key=KEY}: framed only by
 * the key's workspace's allowed domains ({@code frame-ancestors}, {@code *} when it has
 * none; decision 61), never cached (the list may change). An unknown key is a 404 page.
 */
@RestController
class WidgetFrameController {

	/** The frame's own sources; only its ancestors depend on the workspace. */
	static final String FRAME_POLICY = "default-src 'self'; img-src 'self' data: blob: https:; "
			+ "style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors ";

	private static final String NOT_FOUND_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
			+ "<title>Widget not found</title></head><body><p>Widget not found</p></body></html>";

	private final Resource frame = new ClassPathResource("static/widget/frame.html");

	private final WidgetKeys keys;

	private final AllowedOrigins origins;

	WidgetFrameController(WidgetKeys keys, AllowedOrigins origins) {
		this.keys = keys;
		this.origins = origins;
	}

	@GetMapping(path = "/widget/frame.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> frame(@RequestParam(name = "key", required = false) String key) throws IOException {
		WorkspaceId workspace = this.keys.workspaceOf(key).orElse(null);
		if (workspace == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_HTML)
				.cacheControl(CacheControl.noStore())
				.header("Content-Security-Policy", FRAME_POLICY + "'none'")
				.body(NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8));
		}
		try (InputStream document = this.frame.getInputStream()) {
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noCache())
				.header("Content-Security-Policy", FRAME_POLICY + this.origins.frameAncestors(workspace))
				.body(document.readAllBytes());
		}
	}

}
