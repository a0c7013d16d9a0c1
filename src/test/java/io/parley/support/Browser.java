package io.parley.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
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
		requireInstalled();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
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

	/** Waits until {@code condition} holds, and returns what it returned. */
	public <T> T await(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, PATIENCE).until(condition);
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
