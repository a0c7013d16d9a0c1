package io.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the pages of the application under test: Debian's
 * {@code chromium} driven through its {@code chromedriver}, nothing downloaded. Start one
 * per test class and close it when the class is done.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * With the value {@code required} (as {@code .ci/run} sets it), a missing browser
	 * fails the browser tests; otherwise they are skipped, so {@code ./mvnw test} also
	 * runs on a machine without one.
	 */
	static final String REQUIREMENT = "PARLEY_BROWSER_TESTS";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final WebDriver driver;

	private final String base;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	/** A new headless browser for the application listening on {@code port}. */
	public static Browser start(int port) {
		return start(port, List.of());
	}

	/**
	 * A new headless browser with Chromium's {@code arguments} besides the usual ones
	 * (for example {@code --disable-site-isolation-trials}, which keeps a cross-origin
	 * iframe in its page's process, so {@link #beforeEveryDocument} reaches it too).
	 */
	public static Browser start(int port, List<String> arguments) {
		requireInstalled();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
		options.addArguments(arguments);
		return new Browser(new ChromeDriver(service, options), port);
	}

	private static void requireInstalled() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String missing = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ ": install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver,"
				+ " as .ci/run does)";
		if ("required".equals(System.getenv(REQUIREMENT))) {
			throw new IllegalStateException(missing);
		}
		Assumptions.abort(missing);
	}

	/**
	 * Loads {@code path} of the application afresh, even when only its fragment differs
	 * from the page shown now (which a browser would otherwise not reload).
	 */
	public void open(String path) {
		this.driver.get("about:blank");
		follow(path);
	}

	/**
	 * Goes to {@code path} of the application from the page shown, as a link typed into
	 * the address bar of the tab.
	 */
	public void follow(String path) {
		this.driver.get(this.base + path);
	}

	/** Loads {@code url}, a page of another origin than the application's. */
	public void visit(String url) {
		this.driver.get(url);
	}

	/**
	 * Runs {@code script} in every document the browser loads from now on, before the
	 * document's own scripts (Chrome DevTools'
	 * {@code Page.addScriptToEvaluateOnNewDocument}).
	 */
	public void beforeEveryDocument(String script) {
		((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", script));
	}

	/**
	 * Cuts the browser off the network ({@code true}) or lets it on again, as Chrome
	 * DevTools' network conditions do: requests fail meanwhile.
	 */
	public void offline(boolean offline) {
		((ChromeDriver) this.driver).executeCdpCommand("Network.enable", Map.of());
		((ChromeDriver) this.driver).executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/** Runs {@code script} in the document (or frame) shown, and returns its result. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Signs in on the dashboard's log-in page and waits for the inbox. */
	public void signIn(String email, String password) {
		open("/app/login");
		find(By.id("email")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("form button[type=submit]")).click();
		await((driver) -> driver.getCurrentUrl().endsWith("/app/inbox"));
	}

	/** Writes what the browser shows to {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code condition} holds, and returns what it returned. An element the
	 * page redrew while the condition read it is looked up again on the next try.
	 */
	public <T> T await(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
	}

	/** Two clicks in one gesture, too quick for a page to change in between. */
	public void doubleClick(WebElement element) {
		new Actions(this.driver).doubleClick(element).perform();
	}

	public WebElement find(By locator) {
		return this.driver.findElement(locator);
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
