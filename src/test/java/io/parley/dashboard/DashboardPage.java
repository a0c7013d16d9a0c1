package io.parley.dashboard;

import java.util.List;

import io.parley.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The dashboard in a real browser, as an agent uses it: forms, keys and what shows. */
final class DashboardPage {

	/**
	 * Records every socket the page opens, so a test can cut them as a lost network
	 * would.
	 */
	static final String SOCKET_RECORDER = "(function () { var Native = window.WebSocket; window.parleySockets = [];"
			+ " window.WebSocket = function (url, protocols) { var socket = new Native(url, protocols);"
			+ " window.parleySockets.push(socket); return socket; };"
			+ " window.WebSocket.prototype = Native.prototype; window.WebSocket.OPEN = Native.OPEN;"
			+ " window.WebSocket.CONNECTING = Native.CONNECTING; window.WebSocket.CLOSED = Native.CLOSED; }());";

	private final Browser browser;

	DashboardPage(Browser browser) {
		this.browser = browser;
	}

	void signIn(String email, String password) {
		this.browser.signIn(email, password);
	}

	void awaitConnected() {
		this.browser.await((driver) -> "connected".equals(connection().getAttribute("data-state")));
	}

	WebElement connection() {
		return this.browser.find(By.id("connection"));
	}

	/**
	 * Read in one go by the page, so a list being swapped meanwhile is never half read.
	 */
	@SuppressWarnings("unchecked")
	List<String> inboxIds() {
		return (List<String>) this.browser.script(
				"return Array.from(document.querySelectorAll('#list .row')).map(function (r) { return r.dataset.id; });");
	}

	@SuppressWarnings("unchecked")
	List<String> messages() {
		return (List<String>) this.browser.script("return Array.from(document.querySelectorAll("
				+ "'#messages .message:not(.system) .content')).map(function (c) { return c.textContent; });");
	}

	void press(CharSequence key) {
		this.browser.find(By.tagName("body")).sendKeys(key);
	}

	void reply(String text) {
		WebElement box = this.browser.find(By.id("content"));
		box.sendKeys(text);
		box.sendKeys(Keys.ENTER);
	}

	/** Closes every socket the page has open, as a dropped network does. */
	void cutSockets() {
		this.browser.script("window.parleySockets.forEach(function (s) { s.close(); });");
	}

}
