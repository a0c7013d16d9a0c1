package io.parley.email;

import java.util.Map;

import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation page folds a customer's quoted history away behind "Show quoted text",
 * on the page and for a mail that arrives while it is open (decision 113); the agent's
 * own replies are never folded. Screenshot: {@code email-quoted-folded}.
 */
class MailFoldingBrowserTests extends MailboxFixture {

	@Test
	void aCustomersQuotedHistoryIsFoldedAndShownOnAClick() throws Exception {
		String customer = "fold-" + System.nanoTime() + "@customer.test";
		String first = "<fold-" + System.nanoTime() + "@customer.test>";
		deliver(mail(customer, "Kim", "Monday", "Monday at ten works.\n\nOn Tue, 1 Dec 2026, Acme wrote:\n> Monday?",
				first, null));
		poll();
		String conversation = emailConversations().get(0).get("id").stringValue();
		TestUser agent = agentOf(conversation);
		write(agent, conversation, Map.of("content", "Great\n> this stays, it is the agent's"));

		try (Browser browser = Browser.start(this.port)) {
			browser.resize(1280, 900);
			browser.signIn(agent.email(), TestWorkspace.PASSWORD);
			browser.open("/app/conversations/" + conversation);

			WebElement mail = message(browser.driver(), "Monday at ten works.");
			WebElement quoted = mail.findElement(By.cssSelector("details.quoted .quoted-text"));
			assertThat(quoted.isDisplayed()).isFalse();
			assertThat(mail.findElement(By.cssSelector("details.quoted summary")).getText())
				.isEqualTo("Show quoted text");
			mail.findElement(By.cssSelector("details.quoted summary")).click();
			assertThat(quoted.isDisplayed()).isTrue();
			assertThat(quoted.getText()).isEqualTo("On Tue, 1 Dec 2026, Acme wrote:\n> Monday?");
			assertThat(mail.findElement(By.cssSelector("details.quoted summary")).getText())
				.isEqualTo("Hide quoted text");
			assertThat(message(browser.driver(), "Great\n> this stays, it is the agent's")
				.findElements(By.cssSelector("details.quoted"))).isEmpty();

			// live: the next mail of the thread comes folded too
			browser.await(
					(driver) -> "connected".equals(driver.findElement(By.id("connection")).getAttribute("data-state")));
			deliver(mail(customer, "Kim", "Re: Monday", "See you then.\n-- \nKim Example\nExample Ltd",
					"<fold-2-" + System.nanoTime() + "@customer.test>", Map.of("In-Reply-To", first)));
			poll();
			browser.await((driver) -> !driver.findElements(By.xpath("//li[.//p[text()='See you then.']]")).isEmpty());
			WebElement live = message(browser.driver(), "See you then.");
			assertThat(live.findElement(By.cssSelector("details.quoted .quoted-text")).isDisplayed()).isFalse();
			live.findElement(By.cssSelector("details.quoted summary")).click();
			assertThat(live.findElement(By.cssSelector("details.quoted .quoted-text")).getText()).startsWith("--")
				.endsWith("Kim Example\nExample Ltd");
			browser.screenshot("email-quoted-folded");
		}
	}

	private static WebElement message(WebDriver driver, String content) {
		return driver.findElement(By.xpath(
				"//li[contains(@class,'message')][./p[contains(@class,'content') and text()=" + quote(content) + "]]"));
	}

	private static String quote(String text) {
		return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
	}

}
