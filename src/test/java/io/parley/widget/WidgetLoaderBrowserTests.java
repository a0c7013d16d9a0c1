package io.parley.widget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.parley.support.Api;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader ({@code widget.js}) on a customer's page of another origin, in a headless
 * Chromium: the launcher, what it loads and stores (nothing until the chat is opened),
 * keyboard use, sizes, the page API and a refused origin.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetLoaderBrowserTests {

	static final int MAX_GZIPPED_BYTES = 15 * 1024;

	@LocalServerPort
	int port;

	Api api;

	Browser browser;

	HostPage host;

	WidgetPage widget;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
		this.browser = Browser.start(this.port);
		this.widget = new WidgetPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.host != null) {
			this.host.close();
		}
	}

	@BeforeEach
	void desktop() {
		this.browser.resize(1280, 900);
	}

	@AfterEach
	void leave() {
		this.browser.visit("about:blank");
	}

	@Test
	void theLoaderIsAtMostFifteenKilobytesGzippedAndCached() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/widget.js")).build(),
					HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript").as("served as a script"));
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("public").contains("max-age="));
		assertThat(gzipped(response.body())).as("widget.js gzipped").isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
	}

	@Test
	void theLauncherAppearsAndNothingOfTheChatIsLoadedOrStoredUntilItIsOpened() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestWidget widget = TestWidget.of(this.api, workspace, Map.of("allowedDomains", List.of(this.host.origin()),
				"launcherTitle", "Talk to Acme", "primaryColor", "#7c3aed"));
		widget.agent();
		this.browser.visit(this.host.embed("/shop.html", this.port, widget.key(), ""));

		WebElement launcher = this.widget.launcher();
		assertThat(launcher.getAttribute("aria-label")).isEqualTo("Talk to Acme");
		assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(launcher.getTagName()).isEqualTo("button");
		assertThat(this.widget.hasFrame()).as("no iframe before the visitor opens the chat").isFalse();
		assertThat(loaded()).as("the page loaded nothing of the chat")
			.noneMatch((url) -> url.contains("/widget/frame"));
		assertNothingStoredOnThePage();
		this.browser.screenshot("widget-launcher-closed");

		this.widget.open();
		this.widget.awaitReady();

		assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(loaded()).anyMatch((url) -> url.contains("/widget/frame.html"));
		assertThat(this.widget.inFrame(this::loaded)).anyMatch((url) -> url.endsWith("/widget/frame.js"));
		assertThat(this.browser.script("return document.activeElement.tagName")).as("the focus moved into the chat")
			.isEqualTo("IFRAME");
		assertThat(this.widget.inFrame(() -> this.browser.script("return document.activeElement.id")))
			.isEqualTo("input");
		assertThat(width(WidgetPage.FRAME)).isEqualTo(400);
		assertNothingStoredOnThePage();
		assertThat(this.widget.inFrame(() -> this.browser.script("return localStorage.getItem(arguments[0])",
				"parley.visitor." + widget.key())))
			.as("the visitor id is kept in the chat's own storage, now that it was opened")
			.asString()
			.matches("[0-9a-f-]{36}");

		this.widget.inFrame(() -> {
			this.browser.find(By.id("input")).sendKeys(Keys.ESCAPE);
			return null;
		});

		this.browser.await(ExpectedConditions.invisibilityOfElementLocated(WidgetPage.FRAME));
		assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(this.browser.script("return document.activeElement.getAttribute('data-parley')"))
			.as("the focus is back on the launcher")
			.isEqualTo("launcher");
	}

	@Test
	void theKeyboardOpensTheChatAndEscapeOnThePageClosesIt() {
		TestWidget widget = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of());
		this.browser.visit(this.host.embed("/keys.html", this.port, widget.key(), ""));
		WebElement launcher = this.widget.launcher();

		launcher.sendKeys(Keys.ENTER);
		this.browser.await(ExpectedConditions.visibilityOfElementLocated(WidgetPage.FRAME));
		this.browser.find(By.tagName("h1")).click();
		this.browser.find(By.tagName("body")).sendKeys(Keys.ESCAPE);

		this.browser.await(ExpectedConditions.invisibilityOfElementLocated(WidgetPage.FRAME));
	}

	@Test
	void belowSixHundredSixtySevenPixelsTheChatTakesTheWholeScreen() {
		TestWidget widget = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of());
		this.browser.resize(400, 800);
		this.browser.visit(this.host.embed("/phone.html", this.port, widget.key(), ""));

		this.widget.open();

		Object innerWidth = this.browser.script("return window.innerWidth");
		Object innerHeight = this.browser.script("return window.innerHeight");
		assertThat((long) width(WidgetPage.FRAME)).isEqualTo(innerWidth);
		assertThat((long) this.browser.find(WidgetPage.FRAME).getRect().getHeight()).isEqualTo(innerHeight);
	}

	@Test
	void thePageApiQueuedBeforeTheLoaderRunsOpensClosesTogglesAndTellsItsEvents() {
		TestWidget widget = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of());
		widget.agent();
		this.browser.visit(this.host.embed("/api.html", this.port, widget.key(), """
				Parley('on', 'ready', function () { events.push('ready'); });
				Parley('on', 'open', function () { events.push('open'); });
				Parley('on', 'close', function () { events.push('close'); });
				Parley('setLocale', 'de');
				Parley('open');
				"""));

		this.browser.await(ExpectedConditions.visibilityOfElementLocated(WidgetPage.FRAME));
		this.widget.awaitReady();
		assertThat(events()).containsExactly("ready", "open");
		assertThat(this.widget.inFrame(() -> this.browser.find(By.cssSelector(".composer .button")).getText()))
			.as("setLocale('de') chose the German texts")
			.isEqualTo("Senden");

		this.browser.script("Parley('close')");
		this.browser.await(ExpectedConditions.invisibilityOfElementLocated(WidgetPage.FRAME));
		this.browser.script("Parley('toggle')");
		this.browser.await(ExpectedConditions.visibilityOfElementLocated(WidgetPage.FRAME));
		this.browser.script("Parley('toggle')");
		this.browser.await(ExpectedConditions.invisibilityOfElementLocated(WidgetPage.FRAME));
		this.browser.script("Parley('on', 'ready', function () { events.push('late ready'); })");

		assertThat(events()).containsExactly("ready", "open", "close", "open", "close", "late ready");
	}

	@Test
	void aPageOfAnOriginThatIsNotAllowedGetsNoChat() throws Exception {
		TestWidget widget = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("allowedDomains", List.of("https://shop.example.com")));
		this.browser.visit(this.host.embed("/elsewhere.html", this.port, widget.key(), """
				Parley('on', 'ready', function () { events.push('ready'); });
				"""));

		Api.Reply config = widget.config(this.host.origin());
		assertThat(config.status()).isEqualTo(403);
		assertThat(config.error()).isEqualTo("Origin not allowed");
		Eventually.holdsFor("no launcher on the page", Duration.ofSeconds(2),
				() -> this.browser.driver().findElements(WidgetPage.LAUNCHER).isEmpty());
		assertThat(events()).isEmpty();
	}

	private void assertNothingStoredOnThePage() {
		assertThat(this.browser.script("return document.cookie")).as("no cookie").isEqualTo("");
		assertThat(this.browser.script("return localStorage.length + sessionStorage.length"))
			.as("nothing in the page's storage")
			.isEqualTo(0L);
	}

	@SuppressWarnings("unchecked")
	private List<String> loaded() {
		return (List<String>) this.browser
			.script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
	}

	@SuppressWarnings("unchecked")
	private List<String> events() {
		return (List<String>) this.browser.script("return window.events");
	}

	private int width(By locator) {
		return this.browser.find(locator).getRect().getWidth();
	}

	private static int gzipped(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		return out.size();
	}

}
