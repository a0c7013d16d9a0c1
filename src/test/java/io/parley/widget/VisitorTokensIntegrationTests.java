package io.parley.widget;

import java.time.Duration;

import io.parley.contact.Contact;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.workspace.AccessTokens;
import io.parley.workspace.WorkspaceId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class VisitorTokensIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	VisitorTokens tokens;

	@Autowired
	VisitorContacts contacts;

	@Autowired
	AccessTokens staffTokens;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	Api api;

	Team team;

	WorkspaceId workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.workspace = this.staffTokens.verify(this.team.admin().token()).orElseThrow().workspaceId();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aVisitorTokenSpeaksForItsVisitorUntilItExpires() {
		Visitor visitor = new Visitor(this.workspace, "visitor-1", "user-42");
		VisitorTokens.Issued issued = this.tokens.issue(visitor);

		assertThat(this.tokens.verify(issued.token())).contains(visitor);
		assertThat(issued.expiresAt()).isAfter(this.clock.instant().plus(Duration.ofHours(23)));

		this.clock.advance(Duration.ofHours(25));
		assertThat(this.tokens.verify(issued.token())).isEmpty();
	}

	@Test
	void visitorAndStaffTokensAreNeverTakenForEachOther() {
		String visitorToken = this.tokens.issue(new Visitor(this.workspace, "visitor-2", null)).token();

		assertThat(this.api.get("/api/conversations", visitorToken).status()).isEqualTo(401);
		assertThat(this.tokens.verify(this.team.admin().token())).isEmpty();
		assertThat(this.tokens.verify(visitorToken.substring(0, visitorToken.length() - 2) + "xx")).isEmpty();
		assertThat(this.tokens.verify("")).isEmpty();
	}

	@Test
	void aVisitorHasNoContactUntilTheFirstMessageAndThenAlwaysTheSame() {
		Visitor anonymous = new Visitor(this.workspace, "browser-" + System.nanoTime(), null);
		assertThat(this.contacts.find(anonymous)).isEmpty();

		Contact created = this.transactions.execute((status) -> this.contacts.findOrCreate(anonymous, "Ada"));
		Contact again = this.transactions.execute((status) -> this.contacts.findOrCreate(anonymous, null));

		assertThat(again.id()).isEqualTo(created.id());
		assertThat(this.contacts.find(anonymous)).map(Contact::id).contains(created.id());
		assertThat(created.name()).isEqualTo("Ada");
		assertThat(created.sessionId()).isEqualTo(anonymous.visitorId());
	}

	@Test
	void aVerifiedVisitorIsOneContactOnEveryBrowser() {
		String userId = "user-" + System.nanoTime();
		Visitor laptop = new Visitor(this.workspace, "laptop-" + System.nanoTime(), userId);
		Visitor phone = new Visitor(this.workspace, "phone-" + System.nanoTime(), userId);

		Contact onLaptop = this.transactions.execute((status) -> this.contacts.findOrCreate(laptop, "Grace"));

		assertThat(this.contacts.find(phone)).map(Contact::id).contains(onLaptop.id());
		assertThat(onLaptop.externalId()).isEqualTo(userId);
		assertThat(this.contacts.find(new Visitor(this.workspace, phone.visitorId(), null))).isEmpty();
	}

}
