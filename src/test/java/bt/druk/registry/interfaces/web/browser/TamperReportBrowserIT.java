package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.support.PdfProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The inspector's tamper report on the real network: a portal of our own registers two parcels
 * and the ledger commits them; the test stops the portal and edits one version's stored document
 * directly in its H2 database with SQL, starts the portal again on the same data, and the demo
 * inspector runs the tamper report in Chromium: the edited record is flagged on the page, in the
 * CSV and in the PDF, the untouched one is not, and the edited record's public page shows the warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperReportBrowserIT {

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    /** PINs of this run only: the ledger outlives each test's fresh database. */
    private final String editedPin = "TAMP-" + run;
    private final String cleanPin = "TAMC-" + run;
    private final HttpClient http = PortalHttp.builder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PortalUnderTest portal;
    private Browser inspector;
    private Browser citizen;
    private String editedJson;

    @BeforeAll
    void startPortal() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        String prefix = "ocds-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        portal = PortalUnderTest.startOwn("tamper-report-it", Integer.getInteger("druk.tamper.port", 18395),
                Map.of("DRUK_OCDS_PREFIX", prefix, "DRUK_DEMO_CONTENT", "false"));
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable c : new AutoCloseable[] {citizen, inspector, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[tamper-it] close failed: " + e);
            }
        }
    }

    private String url(String path) {
        return portal.baseUrl + path;
    }

    @Test
    @Order(1)
    void aClerkRegistersTwoParcelsAndTheLedgerCommitsThem() throws Exception {
        FacesHttpSession clerk = new FacesHttpSession(portal.baseUrl);
        FacesHttpSession.Page signedIn = clerk.signIn("land.clerk", portal.demoPassword);
        assertEquals(200, signedIn.status(), signedIn.summary());
        for (String pin : List.of(editedPin, cleanPin)) {
            FacesHttpSession.Registration registration = clerk.registerParcel(pin, pin.hashCode());
            assertTrue(registration.saved(), registration.failure());
        }
        for (String pin : List.of(editedPin, cleanPin)) {
            waitForCommit(pin);
        }
    }

    private void waitForCommit(String pin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get("/records/land.xhtml?pin=" + pin).body();
            if (body.contains(">Committed<") && !body.contains(">Pending<")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(pin + " not committed within 90 s:\n" + portal.logTail());
    }

    @Test
    @Order(2)
    void theTestEditsOneStoredDocumentDirectlyInTheDatabase() throws Exception {
        // H2 holds its file open while the portal runs: stop it, edit with JDBC, start it again.
        portal.close();
        String jdbc = "jdbc:h2:file:" + portal.dataDir().toAbsolutePath() + "/druk";
        try (Connection db = DriverManager.getConnection(jdbc, "sa", "")) {
            String key = "land-title:" + editedPin;
            String json;
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT canonical_json FROM record_version WHERE record_key = ? AND version = 1")) {
                read.setString(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    assertTrue(rs.next(), "version 1 of " + key + " is in the database");
                    json = rs.getString(1);
                }
            }
            // The clerk typed 1.25 acres; the row now says 999.
            editedJson = json.replaceFirst("\"areaAcres\":\"[^\"]*\"", "\"areaAcres\":\"999\"");
            assertFalse(editedJson.equals(json), json);
            try (PreparedStatement edit = db.prepareStatement(
                    "UPDATE record_version SET canonical_json = ? WHERE record_key = ? AND version = 1")) {
                edit.setString(1, editedJson);
                edit.setString(2, key);
                assertEquals(1, edit.executeUpdate());
            }
        }
        portal = portal.restart();
    }

    @Test
    @Order(3)
    void theInspectorRunsTheReportAndSeesTheEditedRowFlagged() throws Exception {
        inspector = new Browser();
        inspector.open(url("/inspect/tamper.xhtml"));
        assertTrue(inspector.driver.getCurrentUrl().contains("/login.xhtml"), "the report asks for sign-in first");
        inspector.type("login:username", "inspector");
        inspector.type("login:password", portal.demoPassword);
        inspector.click("login:signIn");
        inspector.wait.until(d -> d.getCurrentUrl().contains("/inspect/tamper.xhtml"));
        inspector.waitForText("No tamper report has been run yet.");
        assertTrue(inspector.driver.findElements(By.linkText("Tamper report")).size() > 0, "the menu links the report");
        assertTrue(inspector.driver.findElements(By.linkText("Audit trail")).size() > 0, "the menu links the audit trail");

        inspector.click("tamper:start");
        // The page polls while the run reads the ledger, then shows the run's findings.
        inspector.waitUpTo(Duration.ofMinutes(5))
                .until(d -> d.findElements(By.id("findingsHeading")).size() > 0
                        && d.findElements(By.id("tamper:progressBar")).isEmpty());
        inspector.waitForAjax();
        inspector.screenshot("tamper-01-report");

        WebElement findings = inspector.byId("findingsTable");
        String table = findings.getText();
        assertTrue(table.contains("land-title:" + editedPin), table);
        assertTrue(table.contains("Database row edited afterwards"), table);
        assertFalse(table.contains(cleanPin), "the untouched parcel is not flagged: " + table);
        assertTrue(Integer.parseInt(inspector.text("tamperCount")) >= 1);
        assertTrue(Integer.parseInt(inspector.text("recordsChecked")) >= 2, "both parcels checked");
        // Other portals' records share this ledger: listed apart, never as this portal's discrepancies.
        assertTrue(inspector.pageText().contains("On the ledger, not in this portal's database"));
    }

    @Test
    @Order(4)
    void theCsvAndPdfReportListTheEditedRecord() throws Exception {
        String csvHref = inspector.byId("csvDownload").getAttribute("href");
        String pdfHref = inspector.byId("pdfDownload").getAttribute("href");
        String cookie = "JSESSIONID=" + inspector.sessionCookie();

        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("\nland-title:" + Pattern.quote(editedPin) + ",1,DOCUMENT_EDITED,[^\r\n]*,true,([0-9a-f]{64}),([0-9a-f]{64})\r\n")
                .matcher(text);
        assertTrue(row.find(), text);
        assertFalse(row.group(1).equals(row.group(2)), "database and ledger values differ");
        assertEquals(bt.druk.registry.network.NetworkScript.sha256(
                bt.druk.registry.domain.record.CanonicalJson.canonicalize(editedJson)), row.group(1),
                "the database value is what the edited document hashes to now");
        assertFalse(text.contains("land-title:" + cleanPin + ","), "the clean parcel is not in the report");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(pdfHref)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(PdfProbe.isPdf(pdf.body()));
        String pdfText = PdfProbe.text(pdf.body()).replaceAll("\\s+", " ");
        assertTrue(pdfText.contains("land-title:" + editedPin), pdfText);
        assertTrue(pdfText.contains("Database row edited afterwards"), pdfText);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(csvHref)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303 || anonymous.statusCode() == 401
                || anonymous.statusCode() == 403, "no report without sign-in: HTTP " + anonymous.statusCode());
        assertFalse(anonymous.body().contains(editedPin));
    }

    @Test
    @Order(5)
    void thePublicRecordPageWarnsOfTheEditedRecordOnly() throws Exception {
        citizen = new Browser();
        citizen.open(url("/records/land.xhtml?pin=" + editedPin));
        WebElement warning = citizen.driver.findElement(By.cssSelector(".tamper-warning"));
        assertTrue(warning.getText().contains("Warning: this record's database copy does not match the ledger"), warning.getText());
        assertTrue(warning.getText().contains("versions: 1"), warning.getText());
        citizen.screenshot("tamper-02-public-warning");

        citizen.open(url("/records/land.xhtml?pin=" + cleanPin));
        citizen.byId("recordTitle");
        assertTrue(citizen.driver.findElements(By.cssSelector(".tamper-warning")).isEmpty(), "no warning on the clean parcel");
    }

    @Test
    @Order(6)
    void theAuditTrailShowsWhoRegisteredThemFilteredAndAsCsv() throws Exception {
        inspector.open(url("/inspect/audit.xhtml"));
        String trail = inspector.byId("receipts:receiptsTable").getText();
        assertTrue(trail.contains(editedPin) && trail.contains(cleanPin), trail);
        assertTrue(trail.contains("Land clerk (Thimphu)"), trail);
        assertTrue(trail.contains("THIMPHU"), trail);

        inspector.selectOne("filters:office", "THIMPHU");
        inspector.selectOne("filters:user", "land.clerk");
        inspector.click("filters:apply");
        inspector.wait.until(d -> d.findElement(By.id("auditCsv")).getAttribute("href").contains("user=land.clerk"));
        String csvHref = inspector.byId("auditCsv").getAttribute("href");
        assertTrue(csvHref.contains("office=THIMPHU"), csvHref);
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref))
                .header("Cookie", "JSESSIONID=" + inspector.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        String[] rows = csv.body().split("\r\n");
        assertTrue(rows[0].startsWith("submitted_at,operation,record_key,version,register,submitted_by,staff_name"), rows[0]);
        assertEquals(3, rows.length, "a header and the two registrations: " + csv.body());
        for (String pin : List.of(editedPin, cleanPin)) {
            assertTrue(csv.body().contains(",land-title:" + pin + ",1,land,land.clerk,Land clerk (Thimphu),THIMPHU,COMMITTED,"),
                    csv.body());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
