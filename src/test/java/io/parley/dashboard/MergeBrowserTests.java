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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging in the dashboard, in headless Chromium (decisions 84 and 85): the page of a
 * conversation merged while open says so live and links to the other; the other shows the
 * history of both; the Merge action merges another of the contact's conversations.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	Visitors visitors;

	Browser browser;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.browser = Browser.start(this.port);
		this.browser.resize(1280, 800);
		this.dashboard = new DashboardPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aMergedConversationPointsToTheOtherWhichShowsBothAndMergesAThird() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestVisitor ada = this.visitors.visitor(workspace.id(), "Ada");
		String kept = this.visitors.conversation(ada, "A1 my parcel is late");
		String merged = this.visitors.conversation(ada, "B1 and the invoice is wrong");
		String third = this.visitors.conversation(ada, "C1 also my address changed");
		Reply wrote = this.api.post("/api/widget/conversations/" + kept + "/messages", ada.token(),
				Map.of("content", "A2 any news?"));
		assertThat(wrote.status()).as(wrote.raw()).isIn(200, 201);
		this.dashboard.signIn(workspace.owner().email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();

		// someone has the conversation open while it is merged into another
		this.browser.open("/app/conversations/" + merged);
		this.dashboard.awaitConnected();
		assertThat(this.browser.find(By.id("merged")).isDisplayed()).isFalse();
		Reply reply = this.api.post("/api/conversations/" + kept + "/merge", workspace.owner().token(),
				Map.of("conversationId", merged));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		this.browser.await((driver) -> driver.findElement(By.id("merged")).isDisplayed());
		assertThat(this.browser.find(By.id("content")).isEnabled()).isFalse();
		this.browser.screenshot("dashboard-merged");

		this.browser.find(By.id("merged-link")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/conversations/" + kept));
		this.browser.await((driver) -> this.dashboard.messages().contains("A2 any news?"));
		assertThat(this.dashboard.messages()).containsSubsequence("A1 my parcel is late", "B1 and the invoice is wrong",
				"A2 any news?");
		assertThat(this.browser.find(By.cssSelector("#messages li.merged .merged-from")).getText())
			.isEqualTo("from #" + merged.substring(0, 8));

		// the Merge action lists the contact's other open conversation
		new Select(this.browser.find(By.id("merge-choice"))).selectByValue(third);
		this.browser.find(By.id("merge")).click();
		this.browser.await((driver) -> this.dashboard.messages().contains("C1 also my address changed"));
		assertThat(this.dashboard.messages()).containsSubsequence("A1 my parcel is late", "B1 and the invoice is wrong",
				"C1 also my address changed", "A2 any news?");
		this.browser.screenshot("dashboard-merged-history");
		assertThat(this.api.get("/api/conversations/" + third, workspace.owner().token())
			.data()
			.get("mergedInto")
			.stringValue()).isEqualTo(kept);
	}

}
