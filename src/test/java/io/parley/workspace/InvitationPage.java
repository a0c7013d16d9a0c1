package io.parley.workspace;

import java.util.List;

import io.parley.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code /invitation.html} in a {@link Browser}, as the invitee sees and uses it.
 */
final class InvitationPage {

	static final String INVITED = "You are invited to join this workspace.";

	private static final By STATUS = By.id("status");

	private static final By INVITATION = By.id("invitation");

	private final Browser browser;

	InvitationPage(Browser browser) {
		this.browser = browser;
	}

	/** Opens the link of the invitation with this secret. */
	void open(String secret) {
		this.browser.open("/invitation.html#" + secret);
	}

	/**
	 * Puts the link of another invitation into the address bar of the tab, which changes
	 * only the fragment of the page shown.
	 */
	void enterLinkInSameTab(String secret) {
		this.browser.follow("/invitation.html#" + secret);
	}

	/** Opens the page as a link cut off before its fragment. */
	void openWithoutSecret() {
		this.browser.open("/invitation.html");
	}

	/** What the address bar shows. */
	String address() {
		return this.browser.driver().getCurrentUrl();
	}

	/** Waits until the status line reads {@code text}. */
	void awaitStatus(String text) {
		this.browser.await(ExpectedConditions.textToBe(STATUS, text));
	}

	String status() {
		return text(STATUS);
	}

	/** The role of the status line for assistive technology, which announces a status. */
	String statusRole() {
		return this.browser.find(STATUS).getAriaRole();
	}

	/** Whether the invitation and its form are shown. */
	boolean showsInvitation() {
		return this.browser.find(INVITATION).isDisplayed();
	}

	String workspace() {
		return text(By.id("workspace"));
	}

	void awaitWorkspace(String name) {
		this.browser.await(ExpectedConditions.textToBe(By.id("workspace"), name));
	}

	String email() {
		return text(By.id("email"));
	}

	String role() {
		return text(By.id("role"));
	}

	String hint() {
		return text(By.id("hint"));
	}

	/** Whether the form asks for a name, as it does for a new account. */
	boolean asksForName() {
		return this.browser.find(By.id("name-field")).isDisplayed();
	}

	/** The names assistive technology reads for the name and the password fields. */
	List<String> fieldNames() {
		return List.of(this.browser.find(By.id("name")).getAccessibleName(),
				this.browser.find(By.id("password")).getAccessibleName());
	}

	/** Types the name (when asked for) and the password, and submits the form. */
	void accept(String name, String password) {
		fill(name, password);
		acceptButton().click();
	}

	/** As {@link #accept}, with an impatient double click. */
	void acceptWithDoubleClick(String name, String password) {
		fill(name, password);
		this.browser.doubleClick(acceptButton());
	}

	/** What the password field holds now. */
	String typedPassword() {
		return this.browser.find(By.id("password")).getDomProperty("value");
	}

	boolean canAccept() {
		return acceptButton().isEnabled();
	}

	private void fill(String name, String password) {
		if (name != null) {
			type(By.id("name"), name);
		}
		type(By.id("password"), password);
	}

	private WebElement acceptButton() {
		return this.browser.find(By.cssSelector("#accept button[type=submit]"));
	}

	/** The images anywhere on the page: the page itself has none. */
	List<WebElement> images() {
		return this.browser.driver().findElements(By.tagName("img"));
	}

	private String text(By locator) {
		return this.browser.find(locator).getText();
	}

	private void type(By locator, String text) {
		WebElement field = this.browser.find(locator);
		field.clear();
		field.sendKeys(text);
	}

}
