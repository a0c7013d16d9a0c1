package io.parley.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SampleImage;
import io.parley.support.TestWorkspace;
import io.parley.widget.WidgetPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent sends a file from the conversation page (decision 107), in two headless
 * Chromiums: the image shows in the history as a thumbnail and reaches the visitor's
 * widget; a file of a type Parley does not send is refused beside the reply box.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationAttachmentsBrowserTests {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	Api api;

	HostPage host;

	Browser visitorBrowser;

	Browser agentBrowser;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
		this.visitorBrowser = Browser.start(this.port);
		this.agentBrowser = Browser.start(this.port);
		this.agentBrowser.resize(1280, 800);
	}

	@AfterAll
	void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.visitorBrowser, this.agentBrowser, this.host }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// closing the others matters more
			}
		}
	}

	@Test
	void theAgentAttachesAPngThatTheVisitorsWidgetShows() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String key = WidgetToDashboardBrowserTests.allowWidgetOn(this.api, workspace, this.host.origin());
		// with an agent online the widget offers the chat, not the offline form
		this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"online\"}");
		this.visitorBrowser.visit(this.host.embed("/shop.html", this.port, key, ""));
		WidgetPage widget = new WidgetPage(this.visitorBrowser);
		widget.open();
		widget.awaitReady();
		widget.send("Which label do I print?");
		widget.awaitInFrame(() -> widget.confirmedMessages().contains("Which label do I print?"), "the question");
		String id = this.api.get("/api/conversations", workspace.owner().token())
			.data()
			.get("items")
			.get(0)
			.get("id")
			.stringValue();
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		DashboardPage dashboard = new DashboardPage(this.agentBrowser);
		dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.agentBrowser.follow("/app/conversations/" + id);
		dashboard.awaitConnected();

		this.agentBrowser.find(By.id("content")).sendKeys("This one");
		this.agentBrowser.find(By.id("file")).sendKeys(write("label.png", SampleImage.png()));
		this.agentBrowser.find(By.id("send-file")).click();

		this.agentBrowser.await((driver) -> !driver
			.findElements(By.cssSelector("#messages .message .files a.thumbnail img[alt='label.png']"))
			.isEmpty());
		WebElement thumbnail = this.agentBrowser
			.find(By.cssSelector("#messages .message .files a.thumbnail img[alt='label.png']"));
		this.agentBrowser.await((driver) -> Boolean.TRUE.equals(this.agentBrowser
			.script("return arguments[0].complete && arguments[0].naturalWidth === 64;", thumbnail)));
		assertThat(dashboard.messages()).contains("This one");
		assertThat(this.agentBrowser.find(By.id("content")).getAttribute("value")).isEmpty();
		widget.awaitInFrame(
				() -> widget.inFrame(() -> Boolean.TRUE.equals(this.visitorBrowser
					.script("var image = document.querySelector('#messages .attachment img[alt=\"label.png\"]');"
							+ " return image !== null && image.complete && image.naturalWidth === 64;"))),
				"the agent's image");
		assertThat(widget.confirmedMessages()).anyMatch((text) -> text.contains("This one"));
		this.agentBrowser.screenshot("dashboard-conversation-attachment");

		this.agentBrowser.find(By.id("file"))
			.sendKeys(write("page.html",
					"<!DOCTYPE html><html><body><p>Hi</p></body></html>".getBytes(StandardCharsets.UTF_8)));
		this.agentBrowser.find(By.id("send-file")).click();

		WebElement error = this.agentBrowser.find(By.id("reply-error"));
		this.agentBrowser.await((driver) -> error.isDisplayed());
		assertThat(error.getText()).startsWith("Files of this type cannot be sent");
		assertThat(error.getAttribute("role")).isEqualTo("alert");
		this.agentBrowser.resize(768, 900);
		this.agentBrowser.screenshot("dashboard-conversation-attachment-refused-768");
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
