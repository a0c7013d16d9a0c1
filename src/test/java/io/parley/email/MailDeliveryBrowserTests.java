package io.parley.email;

import java.util.Map;

import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.TestWorkspace;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation page shows a mailed reply that bounced as not delivered, with a
 * "Retry" that sends it again. Screenshot: {@code email-not-delivered}.
 */
class MailDeliveryBrowserTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@Test
	void aBouncedReplyShowsNotDeliveredAndRetryMailsItAgain() throws Exception {
		String customer = "page-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<page-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		write(agent, conversation, Map.of("content", "Your parcel left today"));
		MimeMessage sent = Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return received(customer);
		}, (mails) -> !mails.isEmpty()).get(0);
		deliver(MailBounceIntegrationTests.raw("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.customer.test\r\nTo: "
				+ this.address + "\r\nSubject: Undelivered Mail Returned to Sender\r\nReferences: "
				+ sent.getMessageID() + "\r\nContent-Type: text/plain\r\n\r\nUser unknown\r\n"));
		poll();

		try (Browser browser = Browser.start(this.port)) {
			browser.signIn(this.workspace.owner().email(), TestWorkspace.PASSWORD);
			browser.open("/app/conversations/" + conversation);

			WebElement reply = browser
				.find(By.xpath("//li[contains(@class,'message')][.//p[text()='Your parcel left today']]"));
			assertThat(reply.findElement(By.cssSelector(".delivery .not-delivered")).getText())
				.isEqualTo("Not delivered: bounced");
			assertThat(browser.find(By.xpath("//li[.//p[text()='Where is it?']]"))
				.findElements(By.cssSelector(".delivery"))).isEmpty();
			browser.screenshot("email-not-delivered");
			reply.findElement(By.cssSelector(".delivery button")).click();
			browser.await((driver) -> {
				try {
					return driver
						.findElement(
								By.xpath("//li[contains(@class,'message')][.//p[text()='Your parcel left today']]"))
						.findElement(By.cssSelector(".delivery"))
						.getText()
						.equals("Sending by email…");
				}
				catch (StaleElementReferenceException ex) {
					// the row was swapped for its new state between the look-up and the
					// read
					return false;
				}
			});
			MimeMessage again = Eventually.until("the reply mailed again", () -> {
				this.delivery.deliverNow();
				return received(customer);
			}, (mails) -> mails.size() == 2).get(1);

			// live from here on, without a reload: sent, then bounced once more
			browser.await((driver) -> markOf(driver, "Your parcel left today").isEmpty());
			// the retried reply keeps its Message-ID: this report has its own
			deliver(MailBounceIntegrationTests.raw("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.customer.test\r\nTo: "
					+ this.address + "\r\nMessage-ID: <second-" + System.nanoTime()
					+ "@mx.customer.test>\r\nSubject: Undelivered Mail Returned to Sender\r\nReferences: "
					+ again.getMessageID() + "\r\nContent-Type: text/plain\r\n\r\nUser unknown\r\n"));
			poll();
			browser.await((driver) -> markOf(driver, "Your parcel left today").equals("Not delivered: bounced Retry"));
			browser.screenshot("email-not-delivered-live");
		}
		assertThat(received(customer)).hasSize(2);
	}

	/** The delivery mark's text under the message with this content. */
	private static String markOf(org.openqa.selenium.WebDriver driver, String content) {
		try {
			return driver.findElement(By.xpath("//li[contains(@class,'message')][.//p[text()='" + content + "']]"))
				.findElement(By.cssSelector(".delivery"))
				.getText()
				.replace('\n', ' ')
				.trim();
		}
		catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
			// swapped for its new state between the look-up and the read
			return "?";
		}
	}

}
