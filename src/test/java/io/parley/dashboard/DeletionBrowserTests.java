package io.parley.dashboard;

import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting in the dashboard, in headless Chromium (decision 108): an admin deletes a
 * conversation from its page once the box is ticked, and lands in the inbox; a page open
 * on a conversation someone else deletes says so live; a merged conversation offers no
 * Reopen. Screenshots: {@code dashboard-delete}, {@code dashboard-deleted}.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeletionBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	Visitors visitors;

	Browser browser;

	DashboardPage dashboard;

	TestWorkspace workspace;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.browser = Browser.start(this.port);
		this.browser.resize(1280, 900);
		this.dashboard = new DashboardPage(this.browser);
		this.workspace = TestWorkspace.create(this.api);
		this.dashboard.signIn(this.workspace.owner().email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void anAdminDeletesAConversationFromItsPageOnceTheBoxIsTicked() {
		TestVisitor visitor = this.visitors.visitor(this.workspace.id(), "Spam Bot");
		String conversation = this.visitors.conversation(visitor, "buy cheap watches");
		this.browser.open("/app/conversations/" + conversation);
		this.dashboard.awaitConnected();

		this.browser.find(By.cssSelector(".danger-zone summary")).click();
		this.browser.find(By.id("delete")).click();
		// the box is not ticked: the browser refuses the form and nothing is deleted
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/app/conversations/" + conversation);
		assertThat(status(conversation)).isEqualTo(200);

		this.browser.find(By.id("delete-confirmed")).click();
		this.browser.screenshot("dashboard-delete");
		this.browser.find(By.id("delete")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/inbox"));
		assertThat(status(conversation)).isEqualTo(404);
	}

	@Test
	void aPageOpenOnAConversationDeletedElsewhereSaysSoAndClosesTheReplyBox() {
		TestVisitor visitor = this.visitors.visitor(this.workspace.id(), "Erin");
		String conversation = this.visitors.conversation(visitor, "please erase my data");
		this.browser.open("/app/conversations/" + conversation);
		this.dashboard.awaitConnected();
		assertThat(this.browser.find(By.id("deleted")).isDisplayed()).isFalse();

		Reply deleted = this.api.send("DELETE", "/api/conversations/" + conversation, this.workspace.owner().token(),
				null, null);
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);

		this.browser.await((driver) -> driver.findElement(By.id("deleted")).isDisplayed());
		assertThat(this.browser.find(By.id("deleted")).getText()).isEqualTo("This conversation was deleted.");
		assertThat(this.browser.find(By.id("content")).isEnabled()).isFalse();
		this.browser.screenshot("dashboard-deleted");
	}

	@Test
	void aMergedConversationOffersNoReopen() {
		TestVisitor visitor = this.visitors.visitor(this.workspace.id(), "Ada");
		String kept = this.visitors.conversation(visitor, "my parcel is late");
		String merged = this.visitors.conversation(visitor, "and the invoice is wrong");
		Reply reply = this.api.post("/api/conversations/" + kept + "/merge", this.workspace.owner().token(),
				Map.of("conversationId", merged));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);

		this.browser.open("/app/conversations/" + merged);
		this.dashboard.awaitConnected();
		assertThat(this.browser.find(By.id("merged")).isDisplayed()).isTrue();
		assertThat(this.browser.driver().findElements(By.id("resolve"))).isEmpty();
		this.browser.open("/app/conversations/" + kept);
		assertThat(this.browser.find(By.id("resolve")).getText()).isEqualTo("Resolve");
	}

	private int status(String conversation) {
		return this.api.get("/api/conversations/" + conversation, this.workspace.owner().token()).status();
	}

}
