package io.parley.widget.web;

import java.nio.charset.StandardCharsets;

import io.parley.widget.DemoWorkspace;
import io.parley.widget.WidgetKeys;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /demo}: a plain page with the demo workspace's widget embedded, as a
 * customer's site would embed it (decision 69); 404 when {@code PARLEY_DEMO} is off.
 */
@RestController
class DemoPage {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Parley widget demo</title>
			<link rel="stylesheet" href="/widget/demo.css">
			</head>
			<body>
			<main>
			<h1>Parley's chat widget</h1>
			<p>This plain page embeds the widget with one line, as your site would.
			Press the button in the corner to open the chat.</p>
			<pre><code>&lt;script src="%1$s/widget.js" data-key="%2$s" async&gt;&lt;/script&gt;</code></pre>
			<p>The page API, the settings and what visitors see: <code>docs/widget.md</code>.</p>
			</main>
			<script src="/widget.js" data-key="%2$s" async></script>
			</body>
			</html>
			""";

	private final ObjectProvider<DemoWorkspace> demo;

	private final WidgetKeys keys;

	DemoPage(ObjectProvider<DemoWorkspace> demo, WidgetKeys keys) {
		this.demo = demo;
		this.keys = keys;
	}

	@GetMapping(path = "/demo", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> page(HttpServletRequest request) {
		if (this.demo.getIfAvailable() == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_PLAIN)
				.body("No demo here: PARLEY_DEMO is off".getBytes(StandardCharsets.UTF_8));
		}
		String key = HtmlUtils.htmlEscape(this.keys.keyOf(DemoWorkspace.ID));
		String origin = HtmlUtils
			.htmlEscape(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(PAGE.formatted(origin, key).getBytes(StandardCharsets.UTF_8));
	}

}
