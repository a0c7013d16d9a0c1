package io.parley.widget;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.parley.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The widget on a host page, as the visitor sees it: the launcher on the page and the
 * chat inside its iframe. Methods about the chat switch into the frame and back.
 */
public final class WidgetPage {

	static final By LAUNCHER = By.cssSelector("button[data-parley=launcher]");

	static final By FRAME = By.cssSelector("iframe[data-parley=frame]");

	private final Browser browser;

	private boolean inside;

	public WidgetPage(Browser browser) {
		this.browser = browser;
	}

	public WebElement launcher() {
		return this.browser.await(ExpectedConditions.visibilityOfElementLocated(LAUNCHER));
	}

	public boolean hasFrame() {
		return !this.browser.driver().findElements(FRAME).isEmpty();
	}

	public boolean frameShown() {
		return hasFrame() && this.browser.find(FRAME).isDisplayed();
	}

	public void open() {
		launcher().click();
		this.browser.await(ExpectedConditions.visibilityOfElementLocated(FRAME));
	}

	/** Waits until the chat shows its message field (or a form in its footer). */
	public void awaitReady() {
		this.browser.await(ExpectedConditions.visibilityOfElementLocated(FRAME));
		inFrame(() -> this.browser.await(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#chat:not([aria-busy]) #footer textarea, #status.error"))));
	}

	public void fillPreChat(String name, String value) {
		inFrame(() -> {
			WebElement input = this.browser.find(By.cssSelector(".prechat input[name=" + name + "]"));
			input.clear();
			input.sendKeys(value);
			return null;
		});
	}

	public void type(String text) {
		inFrame(() -> {
			this.browser.find(By.id("input")).sendKeys(text);
			return null;
		});
	}

	public void send(String text) {
		inFrame(() -> {
			WebElement input = this.browser.await(ExpectedConditions.elementToBeClickable(By.id("input")));
			input.clear();
			input.sendKeys(text);
			input.sendKeys(Keys.ENTER);
			return null;
		});
		// the composer empties its field once it took the text, or says why it did not
		awaitInFrame(
				() -> this.browser.driver()
					.findElements(By.cssSelector("#input"))
					.stream()
					.allMatch((field) -> field.getDomProperty("value").isEmpty())
						|| !text(By.cssSelector(".prechat .error, #status.error")).isEmpty(),
				"the chat to take the message " + text);
	}

	/** The texts of the messages shown, oldest first, the welcome message left out. */
	public List<String> messages() {
		return inFrame(() -> this.browser.driver()
			.findElements(By.cssSelector("#messages .message:not(.welcome) .bubble"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	public List<String> confirmedMessages() {
		return inFrame(() -> this.browser.driver()
			.findElements(By.cssSelector("#messages .message[data-sequence] .bubble"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	public String text(By locator) {
		return inFrame(() -> {
			List<WebElement> found = this.browser.driver().findElements(locator);
			return (found.isEmpty() || !found.get(0).isDisplayed()) ? "" : found.get(0).getText();
		});
	}

	/** Whether the chat's connection is up ({@code online}) or being restored. */
	public String connection() {
		return inFrame(() -> String.valueOf(this.browser.script("return document.documentElement.dataset.connection")));
	}

	public String status() {
		return text(By.id("status"));
	}

	public String typing() {
		return text(By.id("typing"));
	}

	public String title() {
		return text(By.id("title"));
	}

	/** Runs {@code action} inside the chat's iframe. */
	public <T> T inFrame(Supplier<T> action) {
		if (this.inside) {
			return action.get();
		}
		this.browser.driver().switchTo().frame(this.browser.find(FRAME));
		this.inside = true;
		try {
			return action.get();
		}
		finally {
			this.inside = false;
			this.browser.driver().switchTo().defaultContent();
		}
	}

	/** Waits, inside the frame, until {@code check} is true. */
	public void awaitInFrame(BooleanSupplier check, String what) {
		try {
			this.browser.await((driver) -> {
				try {
					return inFrame(check::getAsBoolean) ? Boolean.TRUE : null;
				}
				catch (RuntimeException ex) {
					return null;
				}
			});
		}
		catch (TimeoutException ex) {
			String shown = inFrame(() -> this.browser.find(By.tagName("body")).getText());
			throw new AssertionError("Waited in vain for " + what + "; the chat shows:\n" + shown, ex);
		}
	}

}
