package io.parley.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a customer's mail shows and what it folds away (decision 113). */
class QuotedTextTests {

	@Test
	void aTrailingBlockOfQuotedLinesIsFolded() {
		QuotedText.Split split = QuotedText.split("Yes, that works.\n\n> Can you come on Monday?\n>\n> Kim\n");
		assertThat(split.shown()).isEqualTo("Yes, that works.");
		assertThat(split.quoted()).isEqualTo("> Can you come on Monday?\n>\n> Kim");
	}

	@Test
	void quotesBetweenAnswersStayAsTheirContext() {
		String text = "> Monday?\nYes.\n> And the address?\nStill the same.";
		assertThat(QuotedText.split(text)).isEqualTo(new QuotedText.Split(text, null));
	}

	@Test
	void anAttributionStartsTheFoldEvenWrappedOverTwoLines() {
		QuotedText.Split oneLine = QuotedText.split(
				"Thanks!\r\n\r\nOn Tue, 1 Dec 2026 at 10:02, Acme Support <help@acme.test> wrote:\r\n> Your parcel left.");
		assertThat(oneLine.shown()).isEqualTo("Thanks!");
		assertThat(oneLine.quoted()).startsWith("On Tue, 1 Dec 2026").endsWith("> Your parcel left.");

		QuotedText.Split wrapped = QuotedText.split(
				"Thanks!\n\nOn Tue, 1 Dec 2026 at 10:02, Acme Support\n<help@acme.test> wrote:\n\n> Your parcel left.");
		assertThat(wrapped.shown()).isEqualTo("Thanks!");
		assertThat(wrapped.quoted()).startsWith("On Tue, 1 Dec 2026");
	}

	@Test
	void germanAttributionsAndOutlooksOriginalMessageAreFolded() {
		assertThat(QuotedText.split("Danke!\n\nAm 01.12.2026 um 10:02 schrieb Acme Support <help@acme.test>:\n> Hallo")
			.shown()).isEqualTo("Danke!");
		assertThat(QuotedText.split("Danke!\n\n-----Ursprüngliche Nachricht-----\nVon: Acme").shown())
			.isEqualTo("Danke!");
		QuotedText.Split outlook = QuotedText.split("Works for me.\n\n-----Original Message-----\nFrom: Acme Support\n"
				+ "Sent: Tuesday, December 1, 2026 10:02 AM\nTo: Kim\nSubject: Your parcel\n\nIt left today.");
		assertThat(outlook.shown()).isEqualTo("Works for me.");
		assertThat(outlook.quoted()).startsWith("-----Original Message-----").endsWith("It left today.");
	}

	@Test
	void outlooksHeaderBlockUnderARuleIsFolded() {
		QuotedText.Split split = QuotedText.split("See you then.\n\n________________________________\n"
				+ "From: Acme Support <help@acme.test>\nSent: Tuesday, 1 December 2026 10:02\nTo: Kim <kim@customer.test>\n"
				+ "Subject: Re: Monday\n\nMonday at ten?");
		assertThat(split.shown()).isEqualTo("See you then.");
		assertThat(split.quoted()).startsWith("________________________________\nFrom: Acme Support");
	}

	@Test
	void aSignatureAfterDashDashSpaceIsFoldedWithWhatFollows() {
		QuotedText.Split split = QuotedText.split("Where is my order?\n-- \nKim Example\nCEO, Example Ltd\n");
		assertThat(split.shown()).isEqualTo("Where is my order?");
		assertThat(split.quoted()).isEqualTo("-- \nKim Example\nCEO, Example Ltd");
	}

	@Test
	void aMailWithoutQuoteOrThatIsAllQuoteIsShownWhole() {
		assertThat(QuotedText.split("Where is my order? From: me").quoted()).isNull();
		assertThat(QuotedText.split("On my way, I wrote: nothing").quoted()).isNull();
		String allQuote = "> forwarded\n> as it was";
		assertThat(QuotedText.split(allQuote)).isEqualTo(new QuotedText.Split(allQuote, null));
		assertThat(QuotedText.split("").quoted()).isNull();
	}

}
