package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.support.PdfProbe;
import bt.druk.registry.network.NetworkScript;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The land register in a real headless Chromium against a deployed portal: a clerk signs in,
 * sees validation messages, registers a parcel; a citizen finds it and opens its record page;
 * the certificate downloads; the ledger check runs; the hashed document recomputes to the
 * ledger's hash; then mortgage, caveat, transfer and objection through the clerk's pages; last,
 * the public parcel map draws the surveyed parcels, lists them and opens a record, asking nothing of
 * any other origin.
 *
 * <p>Runs against the real Fabric network from {@code deploy/network.sh} (brought up if it is not
 * running).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LandRegisterBrowserIT {

    private static final String OWNER_1 = "Karma Wangchuk";
    private static final String CID_1 = "10101000123";
    private static final String OWNER_2 = "Pema Choden";
    private static final String CID_2 = "10101000456";
    private static final String DZONGKHAG = "Punakha";
    private static final String GEWOG = "Guma";

    /** A Java stack trace or exception message in a page (PrimeFaces' own settings name exception types, so not just "Exception"). */
    private static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
            "Caused by:|\\bat (java|jakarta|org|com|bt)\\.[\\w.$]+\\(|[\\w.]+Exception: ");

    private PortalUnderTest portal;
    private Browser clerk;
    private Browser citizen;
    private final String pin = "IT-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final String thram = "THR-" + ThreadLocalRandom.current().nextInt(1000, 9999);
    private final HttpClient http = PortalHttp.builder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startPortalAndBrowsers() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        portal = PortalUnderTest.start();
        System.out.println("[browser-it] portal " + portal.baseUrl + ", ledger "
                + PortalUnderTest.connectionFile());
        clerk = new Browser();
        citizen = new Browser();
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable c : new AutoCloseable[] {citizen, clerk, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[browser-it] close failed: " + e);
            }
        }
    }

    private String url(String path) {
        return portal.baseUrl + path;
    }

    @Test
    @Order(1)
    void clerkPagesRequireSignIn() {
        citizen.open(url("/clerk/land/register.xhtml"));
        assertTrue(citizen.driver.getCurrentUrl().contains("/login.xhtml"), citizen.driver.getCurrentUrl());
        citizen.byId("login:username");
        citizen.screenshot("01-login");
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefusedWithAMessage() {
        clerk.open(url("/login.xhtml"));
        clerk.click("login:signIn");
        assertTrue(clerk.text("login:username").isEmpty());
        clerk.waitForText("Enter your user name.");
        clerk.type("login:username", "land.clerk");
        clerk.type("login:password", "not-the-password");
        clerk.click("login:signIn");
        clerk.waitForText("Sign-in failed");
    }

    @Test
    @Order(10)
    void repeatedWrongPasswordsLockTheUserNameEvenForTheRightPassword() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            citizen.open(url("/login.xhtml"));
            citizen.type("login:username", "notary.clerk");
            citizen.type("login:password", "guess-" + attempt);
            citizen.click("login:signIn");
            citizen.waitForText(attempt < 5 ? "Sign-in failed" : "Too many failed sign-ins");
        }
        citizen.open(url("/login.xhtml"));
        citizen.type("login:username", "notary.clerk");
        citizen.type("login:password", portal.demoPassword);
        citizen.click("login:signIn");
        citizen.waitForText("Too many failed sign-ins");
        assertTrue(citizen.driver.getCurrentUrl().contains("/login.xhtml"), "not signed in");
        citizen.open(url("/clerk/index.xhtml"));
        assertTrue(citizen.driver.getCurrentUrl().contains("/login.xhtml"), "staff pages still ask for sign-in: " + citizen.driver.getCurrentUrl());
    }

    @Test
    @Order(3)
    void clerkSignsInAndContinuesToThePageAskedFor() {
        // After the wrong password of test 2 in this same session, a staff page still leads to sign-in.
        clerk.open(url("/clerk/land/register.xhtml"));
        assertTrue(clerk.driver.getCurrentUrl().contains("/login.xhtml"), clerk.driver.getCurrentUrl());
        clerk.type("login:username", "land.clerk");
        clerk.type("login:password", portal.demoPassword);
        clerk.click("login:signIn");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/register.xhtml"));
        clerk.open(url("/clerk/index.xhtml"));
        assertTrue(clerk.pageText().contains("My submissions"));
        assertTrue(clerk.pageText().contains("land.clerk"));
        clerk.screenshot("02-dashboard-empty");
    }

    @Test
    @Order(4)
    void registrationShowsValidationMessagesNextToFields() {
        clerk.open(url("/clerk/land/register.xhtml"));
        clerk.click("register:save");
        // Required fields: the message sits in the same field block as the input.
        assertEquals("Required.", fieldMessage("register:pin"));
        assertEquals("Required.", fieldMessage("register:thramNo"));

        clerk.type("register:pin", pin);
        clerk.type("register:thramNo", thram);
        clerk.selectOne("register:dzongkhag", DZONGKHAG);
        clerk.selectOne("register:gewog", GEWOG);
        clerk.type("register:areaAcres", "abc");
        clerk.selectOne("register:landType", "Dry land (Kamzhing)");
        clerk.type("register:owners:0:name", OWNER_1);
        clerk.type("register:owners:0:cid", "12345");
        clerk.type("register:owners:0:share", "1/2");
        clerk.click("register:save");
        assertEquals("Enter the area as a number, e.g. 0.25.", fieldMessage("register:areaAcres"));
        assertEquals("A CID has exactly 11 digits.", rowMessage("register:owners:0:cid"));
        clerk.screenshot("03-register-validation");

        // Faces-valid input that breaks a domain rule: shares sum to 1/2, not 1.
        clerk.type("register:areaAcres", "0.25");
        clerk.type("register:owners:0:cid", CID_1);
        clerk.click("register:save");
        String ownersMessage = clerk.byId("register:ownersBlock").getText();
        assertTrue(ownersMessage.toLowerCase().contains("sum") || ownersMessage.toLowerCase().contains("share"),
                "shares message next to the owners: " + ownersMessage);
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/register.xhtml"), "nothing saved yet");
    }

    @Test
    @Order(5)
    void clerkRegistersParcelAndSeesSavedAwaitingLedger() {
        clerk.click("register:addOwner");
        clerk.type("register:owners:1:name", OWNER_2);
        clerk.type("register:owners:1:cid", CID_2);
        clerk.type("register:owners:1:share", "1/2");
        // the first row kept what was typed across the ajax add
        assertEquals(OWNER_1, clerk.byId("register:owners:0:name").getAttribute("value"));
        clerk.screenshot("04-register-filled");
        clerk.click("register:save");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml"));
        clerk.waitForAjax();
        assertSavedBanner();
        String page = clerk.pageText();
        assertTrue(page.contains(pin), page);
        assertTrue(page.contains(OWNER_1) && page.contains(CID_1), "staff see full owners");
        assertTrue(page.contains("First registration"));
        clerk.screenshot("05-saved-awaiting-ledger");
    }

    /** A refusal by the service (not by Faces' own checks) shows next to its field, and the field keeps what was typed. */
    @Test
    @Order(11)
    void aFieldTheServiceRefusesKeepsWhatTheClerkTyped() {
        clerk.open(url("/clerk/land/register.xhtml"));
        clerk.type("register:pin", pin); // registered in step 5
        clerk.type("register:thramNo", thram + "-B");
        clerk.selectOne("register:dzongkhag", DZONGKHAG);
        clerk.selectOne("register:gewog", GEWOG);
        clerk.type("register:areaAcres", "0.25");
        clerk.selectOne("register:landType", "Dry land (Kamzhing)");
        clerk.type("register:owners:0:name", OWNER_1);
        clerk.type("register:owners:0:cid", CID_1);
        clerk.type("register:owners:0:share", "1");
        clerk.type("register:owners:0:household", "HH-77");
        clerk.click("register:save");
        clerk.wait.until(d -> !fieldMessage("register:pin").isEmpty());
        assertEquals("A title with this PIN is already registered", fieldMessage("register:pin"));
        assertEquals(pin, clerk.byId("register:pin").getAttribute("value"), "the refused field keeps what was typed");
        assertEquals("HH-77", clerk.byId("register:owners:0:household").getAttribute("value"));
        assertEquals("0.25", clerk.byId("register:areaAcres").getAttribute("value"));
    }

    @Test
    @Order(6)
    void dashboardListsTheSubmission() {
        clerk.open(url("/clerk/index.xhtml"));
        String table = clerk.byId("submissionsTable").getText();
        assertTrue(table.contains(pin), table);
        clerk.screenshot("06-dashboard");
    }

    @Test
    @Order(7)
    void citizenFindsTheParcelByPinAndOpensItsRecordPage() {
        citizen.open(url("/index.xhtml"));
        citizen.type("quickPin", pin);
        citizen.byId("quickPin").submit();
        citizen.wait.until(d -> d.getCurrentUrl().contains("/records/search.xhtml"));
        citizen.waitForAjax();
        assertTrue(citizen.driver.getCurrentUrl().contains("pin=" + pin), "bookmarkable search URL");
        String results = citizen.byId("resultsTable").getText();
        assertTrue(results.contains(pin) && results.contains(thram), results);
        citizen.screenshot("07-search-results");

        citizen.driver.findElement(By.linkText(pin)).click();
        citizen.wait.until(d -> d.getCurrentUrl().contains("/records/land.xhtml?pin="));
        citizen.waitForAjax();
        assertEquals(pin, citizen.text("factPin"));
        String page = citizen.pageText();
        assertFalse(page.contains(OWNER_1), "full owner names never on the public page");
        assertFalse(page.contains(CID_1) || page.contains(CID_2), "CIDs never on the public page");
        assertTrue(page.contains("*"), "masked owner names are shown");
        assertTrue(page.contains("Chain of title") && page.contains("First registration"));
        assertTrue(page.contains(DZONGKHAG) && page.contains(GEWOG));
        citizen.screenshot("08-record-page");
    }

    @Test
    @Order(8)
    void searchByThramAndByLocationAreBookmarkable() {
        citizen.open(url("/records/search.xhtml?thram=" + thram));
        assertTrue(citizen.byId("resultsTable").getText().contains(pin));
        citizen.open(url("/records/search.xhtml?dzongkhag=" + DZONGKHAG + "&gewog=" + GEWOG));
        assertTrue(citizen.byId("resultsTable").getText().contains(pin));
        // the form: dzongkhag → dependent gewog drop-down → search
        citizen.open(url("/records/search.xhtml"));
        citizen.selectOne("search:dzongkhag", DZONGKHAG);
        citizen.selectOne("search:gewog", GEWOG);
        citizen.click("search:submit");
        citizen.wait.until(d -> d.getCurrentUrl().contains("gewog=" + GEWOG));
        assertTrue(citizen.byId("resultsTable").getText().contains(pin));
    }

    @Test
    @Order(9)
    void badInputGivesFriendlyPagesNeverAStackTrace() throws Exception {
        for (String path : List.of(
                "/records/land.xhtml?pin=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8),
                "/records/land.xhtml?pin=NO-SUCH-PIN",
                "/records/search.xhtml?pin=" + "x".repeat(500),
                "/certificates/land/" + URLEncoder.encode("../../etc/passwd", StandardCharsets.UTF_8),
                "/certificates/land/NO-SUCH-PIN.pdf",
                "/no-such-page.xhtml")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() < 500, path + " → " + response.statusCode());
            String body = response.body();
            assertFalse(STACK_TRACE.matcher(body).find() || body.contains("<script>alert(1)"),
                    path + " leaked: " + body.substring(0, Math.min(400, body.length())));
            assertTrue(body.contains("Druk Registry"), path + " renders the portal's own page");
        }
        citizen.open(url("/records/land.xhtml?pin=NO-SUCH-PIN"));
        assertTrue(citizen.pageText().contains("No land title with this PIN."));
    }

    // ---------------------------------------------------------------- needs the Fabric network

    @Test
    @Order(20)
    void versionIsCommittedWithReceipt() {
        clerk.open(url("/clerk/land/title.xhtml?pin=" + pin));
        clerk.waitUpTo(Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.tagName("body")).getText().contains("Committed");
        });
        String page = clerk.pageText();
        assertTrue(page.contains("Transaction") && page.contains("Block"), "receipt shown: " + page);
        clerk.screenshot("20-committed");
    }

    @Test
    @Order(21)
    void publicCertificateIsAPdfWithPinAndQr() throws Exception {
        citizen.open(url("/records/land.xhtml?pin=" + pin));
        WebElement link = citizen.byId("certificatePublic");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] pdf = response.body();
        assertTrue(PdfProbe.isPdf(pdf));
        assertTrue(PdfProbe.signer(pdf).startsWith("Druk Registry"), "handed out signed by the portal's key");
        String text = PdfProbe.text(pdf);
        assertTrue(text.contains(pin), text);
        assertFalse(text.contains(CID_1), "public extract has no CID");
        assertEquals(url("/records/land.xhtml?pin=" + pin), PdfProbe.qrText(pdf));
    }

    @Test
    @Order(22)
    void staffLagthramCarriesFullOwners() throws Exception {
        String session = clerk.sessionCookie();
        assertNotNull(session);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url("/certificates/land/" + pin + ".pdf")))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        String text = PdfProbe.text(response.body());
        assertTrue(text.contains("Lagthram") && text.contains(OWNER_1) && text.contains(CID_1), text);
    }

    @Test
    @Order(23)
    void verifyOnLedgerMatches() {
        citizen.open(url("/records/land.xhtml?pin=" + pin));
        citizen.click("verify:verifyButton");
        String outcome = citizen.text("verifyOutcome");
        assertTrue(outcome.startsWith("Verified"), outcome);
        assertFalse(citizen.driver.findElements(By.cssSelector("[data-check='MATCH']")).isEmpty());
        citizen.screenshot("21-verified");
    }

    @Test
    @Order(24)
    void anyoneCanRecomputeTheHashFromThePublicDocumentAndFindItOnTheLedger() throws Exception {
        citizen.open(url("/records/land.xhtml?pin=" + pin));
        String pageHash = citizen.driver.findElement(By.cssSelector("#parcelFacts code.hash")).getText().trim();
        WebElement link = citizen.driver.findElement(By.cssSelector("li[data-version='1'] a.chain__document"));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String json = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(json.contains(CID_1) || json.contains(CID_2) || json.contains("Wangchuk") || json.contains("Choden"),
                "the public document names owners only by commitment: " + json);
        assertTrue(json.contains("\"key\":\"land-title:" + pin + "\""), json);

        String recomputed = NetworkScript.sha256(json);
        assertEquals(pageHash, recomputed, "the document hashes to the hash the page shows");
        String ledgerEntry = NetworkScript.runOrFail(
                "query", "inspector", "audit", "GetRecord", "land-title:" + pin).output();
        assertTrue(ledgerEntry.contains("\"hash\":\"" + recomputed + "\""), "the auditor's peer holds that hash: " + ledgerEntry);

        // The owner's lagthram prints the salt that proves which commitment is theirs.
        HttpResponse<byte[]> lagthram = http.send(HttpRequest.newBuilder(URI.create(url("/certificates/land/" + pin + ".pdf")))
                .header("Cookie", "JSESSIONID=" + clerk.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        String certificate = PdfProbe.text(lagthram.body());
        assertTrue(PdfProbe.signer(lagthram.body()).startsWith("Druk Registry"), "the lagthram is signed too");
        java.util.regex.Matcher salt = java.util.regex.Pattern.compile(OWNER_1 + "\\s+" + CID_1 + "\\s+\\S+\\s+([0-9a-f]{32})")
                .matcher(certificate);
        assertTrue(salt.find(), "owner proof on the lagthram: " + certificate);
        String commitment = NetworkScript.sha256("{\"cid\":\"" + CID_1 + "\",\"name\":\"" + OWNER_1 + "\",\"salt\":\"" + salt.group(1) + "\"}");
        assertTrue(json.contains("\"party\":\"" + commitment + "\""), "the owner's commitment is in the public document");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(url("/records/documents/" + "0".repeat(64) + ".json")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertFalse(STACK_TRACE.matcher(unknown.body()).find(), "friendly 404");
    }

    // ---------------------------------------------------------------- clerk updates (needs the Fabric network)

    private static final String MORTGAGE_REF = "MTG-2026-0042";
    private static final String LENDER = "Bank of Bhutan Ltd";
    private static final String CAVEAT_REF = "CAV-2026-007";
    private static final String BUYER_1 = "Sonam Dorji";
    private static final String BUYER_CID_1 = "11512000789";
    private static final String BUYER_2 = "Dechen Wangmo";
    private static final String BUYER_CID_2 = "11512000790";
    private static final String OBJECTOR = "Tshering Yangzom";

    /** The version the clerk's last successful save produced (v1 = first registration). */
    private int version = 1;

    @Test
    @Order(30)
    void clerkRegistersMortgageAndTitleBecomesEncumbered() {
        openTitle();
        clerk.click("mortgage:submit");
        assertEquals("Required.", fieldMessage("mortgage:mortgageRef"));
        assertEquals("Required.", fieldMessage("mortgage:lender"));
        assertEquals(version, chainSize(), "nothing saved");

        clerk.type("mortgage:mortgageRef", MORTGAGE_REF);
        clerk.type("mortgage:lender", LENDER);
        clerk.screenshot("30-mortgage-filled");
        submitAndExpectSaved("mortgage:submit", "Mortgage registered");
        awaitCommitted();
        assertEquals("Encumbered", titleStatus());
        String encumbrances = clerk.pageText();
        assertTrue(encumbrances.contains(MORTGAGE_REF) && encumbrances.contains(LENDER), encumbrances);
        // the transfer link is offered only as disabled text, with the reason
        assertTrue(clerk.driver.findElements(By.cssSelector("a#lodgeTransferLink")).isEmpty(), "transfer link disabled");
        assertTrue(clerk.byId("lodgeTransferLink").getAttribute("class").contains("ui-state-disabled"), "and looks disabled");
        assertTrue(encumbrances.contains("A transfer cannot be lodged while a mortgage or caveat is open"), encumbrances);
        clerk.screenshot("31-mortgage-committed");
    }

    @Test
    @Order(31)
    void transferWhileMortgageIsOpenIsRefusedWithAMessageAndNothingSaved() {
        clerk.open(url("/clerk/land/transfer.xhtml?pin=" + pin));
        assertTrue(clerk.text("transferBlocked").contains("cannot be lodged while a mortgage"), "warned up front");
        clerk.selectOne("transfer:transferType", "Sale");
        fillNewOwner(0, BUYER_1, BUYER_CID_1, "1");
        clerk.click("transfer:submit");
        String messages = clerk.text("transfer:messages");
        assertTrue(messages.contains("A transfer cannot be lodged while a mortgage is open"), messages);
        assertNoStackTrace(clerk);
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/transfer.xhtml"), "stays on the form");
        clerk.screenshot("32-transfer-refused-mortgage");
        openTitle();
        assertEquals(version, chainSize(), "nothing saved");
        assertEquals("Encumbered", titleStatus());
    }

    @Test
    @Order(32)
    void citizenSeesTheMortgage() {
        citizen.open(url("/records/land.xhtml?pin=" + pin));
        String table = citizen.byId("encumbrancesTable").getText();
        assertTrue(table.contains("Mortgage") && table.contains(MORTGAGE_REF) && table.contains(LENDER), table);
        assertEquals("Encumbered", citizen.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText());
        assertPublicPageHidesPersonalData();
        citizen.screenshot("33-citizen-encumbered");
    }

    @Test
    @Order(33)
    void clerkDischargesTheMortgage() {
        openTitle();
        // a long "ref — lender" option must not widen the drop-down over the neighbouring form
        assertTrue(clerk.byId("discharge:mortgageRef").getRect().width <= clerk.byId("discharge").getRect().width,
                "drop-down fits its card");
        clerk.selectOne("discharge:mortgageRef", MORTGAGE_REF + " — " + LENDER);
        submitAndExpectSaved("discharge:submit", "Mortgage discharged");
        awaitCommitted();
        assertEquals("Registered", titleStatus());
        assertTrue(clerk.pageText().contains("No open mortgage or caveat."));
        assertFalse(clerk.driver.findElements(By.cssSelector("a#lodgeTransferLink")).isEmpty(), "transfer link enabled again");
    }

    @Test
    @Order(34)
    void clerkLodgesAndReleasesACaveat() {
        openTitle();
        clerk.type("caveat:caveatRef", CAVEAT_REF);
        clerk.type("caveat:reason", "Boundary dispute before the dzongkhag court");
        submitAndExpectSaved("caveat:submit", "Caveat lodged");
        awaitCommitted();
        assertEquals("Encumbered", titleStatus());
        assertTrue(clerk.pageText().contains(CAVEAT_REF));
        clerk.screenshot("34-caveat-committed");

        citizen.open(url("/records/land.xhtml?pin=" + pin));
        String table = citizen.byId("encumbrancesTable").getText();
        assertTrue(table.contains("Caveat") && table.contains(CAVEAT_REF), table);

        clerk.selectOne("release:caveatRef", CAVEAT_REF);
        submitAndExpectSaved("release:submit", "Caveat released");
        awaitCommitted();
        assertEquals("Registered", titleStatus());
        assertFalse(clerk.pageText().contains(CAVEAT_REF + " —"), "caveat no longer listed as open");
    }

    @Test
    @Order(35)
    void clerkLodgesATransferAfterFixingABadCid() {
        openTitle();
        clerk.click("lodgeTransferLink");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/transfer.xhtml"));
        clerk.waitForAjax();
        assertTrue(clerk.driver.findElements(By.id("transferBlocked")).isEmpty(), "no warning once transferable");
        clerk.selectOne("transfer:transferType", "Sale");
        fillNewOwner(0, BUYER_1, "1151200078", "1/2");
        // "Add owner" validates the rows it keeps: the bad CID is marked at once and no row is added yet
        clerk.click("transfer:addOwner");
        assertEquals("A CID has exactly 11 digits.", rowMessage("transfer:newOwners:0:cid"));
        assertTrue(clerk.driver.findElements(By.id("transfer:newOwners:1:name")).isEmpty());
        clerk.type("transfer:newOwners:0:cid", BUYER_CID_1);
        clerk.click("transfer:addOwner");
        fillNewOwner(1, BUYER_2, "1151200079O", "1/2");
        clerk.click("transfer:submit");
        assertEquals("A CID has exactly 11 digits.", rowMessage("transfer:newOwners:1:cid"));
        assertEquals("", rowMessage("transfer:newOwners:0:cid"), "only the bad row is marked");
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/transfer.xhtml"), "nothing saved");
        clerk.screenshot("35-transfer-bad-cid");

        clerk.type("transfer:newOwners:1:cid", BUYER_CID_2);
        assertEquals(BUYER_1, clerk.byId("transfer:newOwners:0:name").getAttribute("value"), "rows kept");
        submitAndExpectSaved("transfer:submit", "Transfer lodged");
        assertEquals("Transfer pending", titleStatus());
        String notice = clerk.byId("pendingTransferNotice").getText();
        assertTrue(noticeEndDates().stream().anyMatch(notice::contains), "notice end date shown: " + notice);
        assertTrue(notice.contains(BUYER_1) && notice.contains(BUYER_2), notice);
        awaitCommitted();
        clerk.screenshot("36-transfer-pending-committed");
    }

    @Test
    @Order(36)
    void citizenSeesThePendingTransferWithMaskedNames() {
        citizen.open(url("/records/land.xhtml?pin=" + pin));
        assertEquals("Transfer pending", citizen.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText());
        String notice = citizen.byId("pendingTransferNotice").getText();
        assertTrue(notice.contains("Sale"), notice);
        assertTrue(noticeEndDates().stream().anyMatch(notice::contains), "notice end date shown: " + notice);
        assertTrue(notice.contains("So**** Do****") && notice.contains("De**** Wa****"), "masked new owners: " + notice);
        String page = citizen.pageText();
        assertFalse(page.contains(BUYER_1) || page.contains(BUYER_2), "no full names of the new owners");
        assertFalse(page.contains(BUYER_CID_1) || page.contains(BUYER_CID_2), "no CIDs of the new owners");
        assertPublicPageHidesPersonalData();
        citizen.screenshot("37-citizen-transfer-pending");
    }

    @Test
    @Order(37)
    void finalisingDuringTheNoticePeriodIsRefusedWithAMessage() {
        openTitle();
        clerk.click("finalise:submit");
        String form = clerk.byId("finalise").getText();
        assertTrue(form.contains("notice period"), form);
        assertNoStackTrace(clerk);
        openTitle();
        assertEquals(version, chainSize(), "nothing saved");
    }

    @Test
    @Order(38)
    void clerkFilesAnObjectionAndTheTransferIsObjected() {
        openTitle();
        clerk.type("object:objectorName", OBJECTOR);
        clerk.type("object:reason", "The seller's brother holds an unregistered share by inheritance.");
        submitAndExpectSaved("object:submit", "Objection to transfer");
        awaitCommitted();
        assertEquals("Transfer objected", titleStatus());
        assertTrue(clerk.driver.findElements(By.id("pendingTransferNotice")).isEmpty(), "no pending transfer any more");
        clerk.screenshot("38-objected-committed");

        citizen.open(url("/records/land.xhtml?pin=" + pin));
        assertEquals("Transfer objected", citizen.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText());
        assertPublicPageHidesPersonalData();
        assertFalse(citizen.pageText().contains(OBJECTOR), "objector's name is not public");
        citizen.click("verify:verifyButton");
        String outcome = citizen.text("verifyOutcome");
        assertTrue(outcome.startsWith("Verified"), outcome);
        assertEquals(version, citizen.driver.findElements(By.cssSelector("[data-check='MATCH']")).size(),
                "every version matches the ledger");
        citizen.screenshot("39-citizen-objected-verified");
    }

    @Test
    @Order(39)
    void clerkSubdividesTheParcelForAnInheritanceAndBothPagesShowTheLineage() {
        openTitle();
        clerk.click("subdivideLink");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/subdivide.xhtml"));
        clerk.waitForAjax();
        assertTrue(clerk.driver.findElements(By.id("subdivideBlocked")).isEmpty(), "no warning: nothing stands in the way");
        clerk.type("subdivide:children:0:pin", pin + "-A");
        clerk.type("subdivide:children:0:areaAcres", "0.2");
        clerk.type("subdivide:children:1:pin", pin + "-B");
        clerk.type("subdivide:children:1:areaAcres", "0.05");
        clerk.click("subdivide:submit");
        clerk.wait.until(d -> !fieldMessage("subdivide:children:1:areaAcres").isEmpty());
        assertEquals("Land Act 2007: no plot smaller than 10 decimals may be made by a subdivision; this one has 5 decimals.",
                fieldMessage("subdivide:children:1:areaAcres"), "the limit is named at the child's own field");
        assertEquals("", fieldMessage("subdivide:children:0:areaAcres"));
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/subdivide.xhtml"), "nothing saved");
        clerk.screenshot("39-subdivide-too-small");

        clerk.type("subdivide:children:0:areaAcres", "0.15");
        clerk.type("subdivide:children:1:areaAcres", "0.1");
        int retiring = version + 2; // the parcel's facts for the ledger first, then the subdivision
        clerk.click("subdivide:submit");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml") && d.getCurrentUrl().contains("saved=" + retiring));
        clerk.waitForAjax();
        assertSavedBanner();
        version = retiring;
        awaitCommitted();
        assertEquals("Retired", titleStatus());
        assertEquals(List.of(pin + "-A", pin + "-B"), clerk.driver.findElements(By.cssSelector("#wentInto a")).stream()
                .map(WebElement::getText).map(String::trim).toList());
        assertTrue(clerk.driver.findElements(By.id("actions")).isEmpty(), "a retired parcel offers no dealings");
        clerk.screenshot("40-subdivided");

        citizen.open(url("/records/land.xhtml?pin=" + pin + "-B"));
        assertEquals("Registered", citizen.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText());
        assertEquals(pin, citizen.byId("cameFrom").getText().trim());
        assertTrue(citizen.pageText().contains("0.1 acres") || citizen.pageText().contains("0.10 acres"), citizen.pageText());
        assertPublicPageHidesPersonalData();
        citizen.driver.findElement(By.cssSelector("#cameFrom a")).click();
        citizen.wait.until(d -> d.getCurrentUrl().endsWith("pin=" + pin));
        assertTrue(citizen.byId("retiredNotice").getText().contains("kept as history"), citizen.pageText());
        citizen.screenshot("41-citizen-lineage");
    }

    @Test
    @Order(40)
    void clerkMergesTheTwoPartsBackAndTheMergedParcelNamesBoth() {
        clerk.open(url("/clerk/land/title.xhtml?pin=" + pin + "-A"));
        clerk.click("mergeLink");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/merge.xhtml"));
        clerk.waitForAjax();
        clerk.type("merge:parents:1:pin", pin + "-B");
        clerk.type("merge:child:pin", pin + "-C");
        clerk.type("merge:child:areaAcres", "0.3");
        clerk.click("merge:submit");
        clerk.wait.until(d -> !fieldMessage("merge:child:areaAcres").isEmpty());
        assertTrue(fieldMessage("merge:child:areaAcres").contains("0.5 %"), fieldMessage("merge:child:areaAcres"));
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/merge.xhtml"), "nothing saved");

        clerk.type("merge:child:areaAcres", "0.25");
        clerk.click("merge:submit");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml") && d.getCurrentUrl().contains("pin=" + pin + "-C"));
        clerk.waitForAjax();
        assertSavedBanner();
        assertEquals(List.of(pin + "-A", pin + "-B"), clerk.driver.findElements(By.cssSelector("#cameFrom a")).stream()
                .map(WebElement::getText).map(String::trim).toList());
        int parentVersion = version;
        version = 1; // the merged parcel's first version, on its page
        awaitCommitted();
        version = parentVersion;
        assertEquals("Registered", titleStatus());
        clerk.screenshot("42-merged");

        citizen.open(url("/records/land.xhtml?pin=" + pin + "-B"));
        assertEquals("Retired", citizen.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText());
        assertEquals(List.of(pin + "-C"), citizen.driver.findElements(By.cssSelector("#wentInto a")).stream()
                .map(WebElement::getText).map(String::trim).toList());
    }

    @Test
    @Order(41)
    void clerkMovesTheBoundaryBetweenTwoNeighboursAfterFixingTheNeighboursBoundary() throws Exception {
        // Two surveyed neighbours, 100 m squares side by side, registered through the API; a corner of this run's own.
        double west = 200_000 + ThreadLocalRandom.current().nextInt(0, 260) * 1_000;
        double south = 3_010_000;
        for (String part : List.of("E", "F")) {
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(url("/api/land/titles")))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("land.clerk:" + portal.demoPassword).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"pin":"%s-%s","thramNo":"%s","dzongkhag":"%s","gewog":"%s","areaAcres":"2.4711","landType":"DRY_LAND",
                             "owners":[{"name":"%s","cid":"%s","share":"1"}],"boundary":%s}""".formatted(pin, part, thram, DZONGKHAG,
                            GEWOG, OWNER_1, CID_1, square(part.equals("E") ? west : west + 100, south, 100)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, registered.statusCode(), registered.body());
        }
        clerk.open(url("/clerk/land/title.xhtml?pin=" + pin + "-E"));
        clerk.click("adjustLink");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/adjust.xhtml"));
        clerk.waitForAjax();
        // E's east edge 20 m east; F's boundary left as it was, over the strip E takes.
        clerk.type("adjust:areaAcres", "2.9653");
        clerk.type("adjust:boundary", rectangle(west, south, 120, 100));
        clerk.type("adjust:neighbour:pin", pin + "-F");
        clerk.type("adjust:neighbour:areaAcres", "2.4711");
        clerk.type("adjust:neighbour:boundary", square(west + 100, south, 100));
        clerk.click("adjust:submit");
        clerk.wait.until(d -> !fieldMessage("adjust:neighbour:boundary").isEmpty());
        assertTrue(fieldMessage("adjust:neighbour:boundary").contains(pin + "-E (2000.00 m²)"), fieldMessage("adjust:neighbour:boundary"));
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/adjust.xhtml"), "nothing saved");
        clerk.screenshot("43-adjust-overlap");

        clerk.type("adjust:neighbour:areaAcres", "1.9768");
        clerk.type("adjust:neighbour:boundary", rectangle(west + 120, south, 80, 100));
        clerk.click("adjust:submit");
        // v2 gives the ledger the parcel's facts, v3 moves the boundary
        clerk.wait.until(d -> d.getCurrentUrl().contains("pin=" + pin + "-E") && d.getCurrentUrl().contains("saved=3"));
        clerk.waitForAjax();
        assertSavedBanner();
        assertTrue(clerk.driver.findElement(By.cssSelector("#chainList > li[data-version='3']")).getText()
                .contains("Boundary adjustment"));
        int parentVersion = version;
        version = 3;
        awaitCommitted();
        version = parentVersion;
        assertTrue(clerk.pageText().contains("2.9653"), "the new area on the title page");
        assertEquals(pin + "-F", clerk.byId("adjustedWith").getText().trim(), "the neighbour named on the title page");
        clerk.screenshot("44-boundary-adjusted");

        citizen.open(url("/records/land.xhtml?pin=" + pin + "-F"));
        assertEquals(pin + "-E", citizen.byId("adjustedWith").getText().trim(), "the public page names the neighbour");
        assertTrue(citizen.pageText().contains("1.9768"), citizen.pageText());
        assertPublicPageHidesPersonalData();
    }

    @Test
    @Order(42)
    void clerkRegistersACourtOrderTheSameDayWithTheOrdersFile() throws Exception {
        byte[] bytes = ("%PDF-1.4\n% Thimphu Dzongkhag Court, civil case " + pin + "\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Path order = java.nio.file.Files.createTempFile(PortalUnderTest.buildDir(), "court-order-", ".pdf");
        java.nio.file.Files.write(order, bytes);
        order.toFile().deleteOnExit();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        clerk.open(url("/clerk/land/title.xhtml?pin=" + pin + "-F"));
        clerk.click("courtOrderLink");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/court-order.xhtml"));
        clerk.waitForAjax();
        clerk.type("courtOrder:court", "Thimphu Dzongkhag Court");
        clerk.type("courtOrder:caseNumber", "CC-" + pin);
        clerk.type("courtOrder:newOwners:0:name", BUYER_1);
        clerk.type("courtOrder:newOwners:0:cid", BUYER_CID_1);
        clerk.type("courtOrder:newOwners:0:share", "1");
        // No order chosen: refused at the file field, nothing saved.
        clerk.click("courtOrder:submit");
        clerk.wait.until(d -> !fieldMessage("courtOrder:courtOrderSha256").isEmpty());
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/court-order.xhtml"), "nothing saved");
        assertEquals(BUYER_1, clerk.byId("courtOrder:newOwners:0:name").getAttribute("value"), "what was typed is kept");
        clerk.screenshot("45-court-order-without-file");

        clerk.byId("courtOrder:courtOrderSha256").sendKeys(order.toString());
        clerk.click("courtOrder:submit");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml") && d.getCurrentUrl().contains("saved=4"));
        clerk.waitForAjax();
        assertSavedBanner();
        String newest = clerk.driver.findElement(By.cssSelector("#chainList > li[data-version='4']")).getText();
        assertTrue(newest.contains("Court-ordered transfer"), newest);
        int parentVersion = version;
        version = 4;
        awaitCommitted();
        version = parentVersion;
        assertEquals("Registered", titleStatus(), "no notice period");
        assertTrue(clerk.pageText().contains(BUYER_1), "the court's owner on the clerk's page");
        String named = clerk.byId("courtOrder").getText();
        assertTrue(named.contains("Thimphu Dzongkhag Court") && named.contains("CC-" + pin) && named.contains(sha256),
                "the court, the case and the order's SHA-256 on the title page: " + named);
        clerk.screenshot("46-court-order-registered");

        citizen.open(url("/records/land.xhtml?pin=" + pin + "-F"));
        assertTrue(citizen.byId("courtOrder").getText().contains(sha256), "the order's hash is public: anyone holding it can check");
        assertFalse(citizen.pageText().contains(BUYER_1), "the court's owner is masked on the public page");
    }

    @Test
    @Order(43)
    @SuppressWarnings("unchecked")
    void theParcelMapDrawsTheSurveyedNeighboursListsThemAndOpensARecordAskingNoOtherOrigin() {
        String neighbour = pin + "-E";
        citizen.contentSecurityViolations(); // what earlier pages said is not this page's
        citizen.open(url("/records/map.xhtml?dzongkhag=" + DZONGKHAG));
        // Leaflet draws each parcel as an SVG path in the map's overlay pane once the GeoJSON has arrived.
        citizen.wait.until(d -> !d.findElements(By.cssSelector("#parcelMapCanvas .leaflet-overlay-pane path.leaflet-interactive")).isEmpty());
        citizen.wait.until(d -> !d.findElements(By.cssSelector("path.leaflet-interactive[data-pin='" + neighbour + "']")).isEmpty());
        assertEquals(DZONGKHAG, citizen.driver.findElement(By.cssSelector("#dzongkhag option:checked")).getText().trim(),
                "the selector shows the dzongkhag of the address");

        // The list view: the same parcels, each PIN a link to its record (the keyboard's and screen reader's way).
        WebElement listed = citizen.byId("parcelTable").findElement(By.linkText(neighbour));
        assertTrue(listed.getAttribute("href").endsWith("/records/land.xhtml?pin=" + neighbour), listed.getAttribute("href"));
        assertTrue(citizen.byId("parcelTable").getText().contains(pin + "-F"), citizen.byId("parcelTable").getText());
        assertFalse(citizen.pageText().contains(BUYER_1), "no owner on the map page");
        assertPublicPageHidesPersonalData();
        citizen.screenshot("47-parcel-map");

        // Leaflet (the portal's WebJar), the page's script and the GeoJSON came from the portal; nothing else was asked for.
        URI base = URI.create(portal.baseUrl);
        String origin = base.getScheme() + "://" + base.getAuthority() + "/";
        List<String> requested = (List<String>) citizen.driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertTrue(requested.stream().anyMatch(r -> r.contains("/webjars/leaflet/1.9.4/dist/leaflet.js")), requested.toString());
        assertTrue(requested.stream().anyMatch(r -> r.contains("/api/parcels/boundaries?dzongkhag=" + DZONGKHAG)), requested.toString());
        assertEquals(List.of(), requested.stream().filter(r -> !r.startsWith(origin) && !r.startsWith("data:")).toList(),
                "requests outside the portal's origin " + origin);
        assertEquals(List.of(), citizen.contentSecurityViolations(), "the Content-Security-Policy refused nothing");

        // A click on the parcel opens its record.
        citizen.driver.findElement(By.cssSelector("path.leaflet-interactive[data-pin='" + neighbour + "']")).click();
        citizen.wait.until(d -> d.getCurrentUrl().endsWith("/records/land.xhtml?pin=" + neighbour));
        citizen.waitForAjax();
        assertEquals(neighbour, citizen.text("factPin"));
    }

    private static String rectangle(double west, double south, double width, double height) {
        return "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, west + width, south, west + width, south + height, west, south + height, west, south);
    }

    private static String square(double west, double south, double side) {
        return rectangle(west, south, side, side);
    }

    // ---------------------------------------------------------------- update helpers

    private void openTitle() {
        clerk.open(url("/clerk/land/title.xhtml?pin=" + pin));
    }

    private int chainSize() {
        return clerk.driver.findElements(By.cssSelector("#chainList > li")).size();
    }

    private String titleStatus() {
        return clerk.driver.findElement(By.cssSelector(".record-header__badges .badge")).getText().trim();
    }

    private void fillNewOwner(int row, String name, String cid, String share) {
        clerk.type("transfer:newOwners:" + row + ":name", name);
        clerk.type("transfer:newOwners:" + row + ":cid", cid);
        clerk.type("transfer:newOwners:" + row + ":share", share);
    }

    /** Submits, expects the redirect to the title page with "Saved — awaiting ledger" for the next version. */
    private void submitAndExpectSaved(String buttonId, String operation) {
        int next = version + 1;
        clerk.click(buttonId);
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml") && d.getCurrentUrl().contains("saved=" + next));
        clerk.waitForAjax();
        assertSavedBanner();
        WebElement newest = clerk.driver.findElement(By.cssSelector("#chainList > li[data-version='" + next + "']"));
        assertTrue(newest.getText().contains(operation), newest.getText());
        assertNoStackTrace(clerk);
        version = next;
    }

    /** Waits (refreshing) until the current version is committed with a receipt; fails at once if rejected. */
    private void awaitCommitted() {
        By newest = By.cssSelector("#chainList > li[data-version='" + version + "']");
        clerk.waitUpTo(Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            clerk.waitForAjax();
            String css = d.findElement(newest).getAttribute("class");
            assertFalse(css.contains("chain__version--rejected"), "ledger rejected v" + version + ": " + d.findElement(newest).getText());
            return css.contains("chain__version--committed") && !d.findElement(newest).getText().contains("being read from the block");
        });
        String text = clerk.driver.findElement(newest).getText();
        assertTrue(text.contains("Committed") && text.contains("Transaction") && text.contains("Block"), "receipt shown: " + text);
        assertTrue(text.contains("National Land Commission") && text.contains("Royal Audit Authority"),
                "endorsing organisations by name: " + text);
    }

    /** Right after saving the banner says "awaiting ledger" (or "committed" if the ledger was faster than the browser). */
    private void assertSavedBanner() {
        String headline = clerk.text("savedHeadline");
        assertTrue(headline.contains("Saved — awaiting ledger") || headline.contains("Saved and committed to the ledger"), headline);
    }

    private void assertPublicPageHidesPersonalData() {
        String page = citizen.pageText();
        assertFalse(page.contains(OWNER_1) || page.contains(OWNER_2), "full owner names never on the public page");
        assertFalse(page.contains(CID_1) || page.contains(CID_2), "CIDs never on the public page");
        assertFalse(STACK_TRACE.matcher(citizen.driver.getPageSource()).find(), "no stack trace");
    }

    private static void assertNoStackTrace(Browser browser) {
        assertFalse(STACK_TRACE.matcher(browser.pageText()).find(), "stack trace on the page: " + browser.pageText());
    }

    /** The notice end date as the pages print it (30 days; either side of midnight UTC). */
    private static List<String> noticeEndDates() {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return List.of(today.plusDays(30).format(format), today.plusDays(29).format(format));
    }

    // ---------------------------------------------------------------- helpers

    /** The message rendered inside the same labelled field block as the input. */
    private String fieldMessage(String inputId) {
        WebElement input = clerk.byId(inputId);
        WebElement field = input.findElement(By.xpath("ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]"));
        return field.findElement(By.cssSelector(".field__message")).getText().trim();
    }

    /** The message rendered in the same owners-table cell as the input. */
    private String rowMessage(String inputId) {
        WebElement input = clerk.byId(inputId);
        WebElement cell = input.findElement(By.xpath("ancestor::td[1]"));
        List<WebElement> messages = cell.findElements(By.cssSelector(".field__message"));
        return messages.isEmpty() ? "" : messages.get(0).getText().trim();
    }
}
