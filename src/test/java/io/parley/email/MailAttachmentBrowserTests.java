package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.SampleImage;
import io.parley.support.TestWorkspace;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email conversation's files on the conversation page, both ways: a customer's mail
 * with a PDF and a photo shows them under its text, and a file the agent sends from the
 * composer reaches the customer's mailbox attached to the reply (decision 118).
 * Screenshot: {@code email-attachments}.
 */
class MailAttachmentBrowserTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@TempDir
	Path files;

	@Test
	void aCustomersFilesShowOnThePageAndTheAgentsFileGoesOutWithTheReply() throws Exception {
		String customer = "files-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<files-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		MimeMessage withFiles = mail(customer, "Kim", "Re: Question", null,
				"<files-2-" + System.nanoTime() + "@c.test>",
				Map.of("In-Reply-To",
						this.jdbc.sql("SELECT message_id FROM email_messages WHERE conversation_id = CAST(? AS UUID)")
							.param(conversation)
							.query(String.class)
							.single()));
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Here is the invoice and a photo of the damage.", "UTF-8");
		mixed.addBodyPart(text);
		mixed.addBodyPart(MailAttachmentIntegrationTests.part(MailAttachmentIntegrationTests.PDF, "application/pdf",
				"invoice.pdf", Part.ATTACHMENT, null));
		mixed.addBodyPart(MailAttachmentIntegrationTests.part(SampleImage.png(), "image/png", "damage.png",
				Part.ATTACHMENT, null));
		withFiles.setContent(mixed);
		withFiles.saveChanges();
		deliver(withFiles);
		poll();

		try (Browser browser = Browser.start(this.port)) {
			browser.resize(1280, 900);
			browser.signIn(agent.email(), TestWorkspace.PASSWORD);
			browser.open("/app/conversations/" + conversation);

			WebElement pdf = browser.find(By.cssSelector("#messages .message .files a.download"));
			assertThat(pdf.getText()).isEqualTo("invoice.pdf");
			WebElement photo = browser.find(By.cssSelector("#messages .message .files a.thumbnail img"));
			assertThat(photo.getAttribute("alt")).isEqualTo("damage.png");
			browser.await((driver) -> Boolean.TRUE
				.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth === 64;", photo)));

			browser.await(
					(driver) -> "connected".equals(driver.findElement(By.id("connection")).getAttribute("data-state")));
			browser.find(By.id("content")).sendKeys("The label for the return");
			browser.find(By.id("file")).sendKeys(write("label.pdf", MailAttachmentIntegrationTests.PDF));
			browser.find(By.id("send-file")).click();
			browser.await((driver) -> !driver.findElements(By.xpath("//a[@class='download' and text()='label.pdf']"))
				.isEmpty());

			MimeMessage sent = Eventually.until("the reply mailed", () -> {
				this.delivery.deliverNow();
				return received(customer);
			}, (mails) -> !mails.isEmpty()).get(0);
			MimeMultipart reply = (MimeMultipart) sent.getContent();
			assertThat(reply.getBodyPart(0).getContent().toString()).startsWith("The label for the return");
			assertThat(reply.getBodyPart(1).getFileName()).isEqualTo("label.pdf");
			try (InputStream content = reply.getBodyPart(1).getInputStream()) {
				assertThat(content.readAllBytes()).isEqualTo(MailAttachmentIntegrationTests.PDF);
			}
			browser.screenshot("email-attachments");
		}
	}

	private String write(String name, byte[] content) {
		try {
			Path file = this.files.resolve(name);
			Files.write(file, content);
			return file.toAbsolutePath().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
