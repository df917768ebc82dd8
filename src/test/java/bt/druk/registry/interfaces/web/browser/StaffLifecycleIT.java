package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Issue 26's staff life cycle in real Chromium against the shared portal and the real network: the
 * administrator creates a land clerk and sees the set-up link once, and her own ledger identity is
 * issued by the Land CA into the Land token; the link, opened in a fresh browser with no session,
 * shows the key, takes a password and a TOTP code computed by Debian's {@code oathtool} (an
 * implementation that is not ours), and shows ten recovery codes; the clerk signs in with the new
 * password and a recovery code and makes a personal API token, which the API takes where it refuses
 * the password; a title she registers with it is signed by her own certificate on the auditor's
 * peer, and a raw gateway client with her token key commits too; the administrator (who gives a code
 * too) disables the account: her identity is revoked on the ledger, so the raw client is refused,
 * while what she signed before stays and verifies; her open session and API token end and the next
 * sign-in fails. The set-up page is sent with no referrer and no cache, and the token appears in no
 * log of the portal.
 *
 * <p>It shares the network with the other tests: the channel update that revokes her puts the Land
 * CA's revocation list in Land's MSP, which revokes only certificates the CA revoked, and the portal
 * reads the configuration again when another update got in first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffLifecycleIT {

    /** Unique per run: the network's CA and token keep every name they were given. */
    private static final String CLERK = "pema.lhamo" + Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final String PASSWORD = "prayer flags over dochula";

    private final HttpClient http = PortalHttp.builder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private PortalUnderTest portal;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        assertTrue(oathtoolAvailable(), "install oathtool (apt-get install -y oathtool)");
        portal = PortalUnderTest.shared();
    }

    @AfterAll
    void stop() {
        for (Browser b : browsers) {
            try {
                b.close();
            } catch (RuntimeException e) {
                System.err.println("[staff-lifecycle-it] browser close failed: " + e);
            }
        }
        if (portal != null) {
            portal.close();
        }
    }

    private Browser newBrowser() throws IOException {
        Browser browser = new Browser();
        browsers.add(browser);
        return browser;
    }

    private String url(String path) {
        return portal.baseUrl + path;
    }

    private void signIn(Browser browser, String user, String password) {
        browser.open(url("/login.xhtml"));
        browser.type("login:username", user);
        browser.type("login:password", password);
        browser.click("login:signIn");
    }

    /** A land write through the API for a title that does not exist, with this Authorization header. */
    private int apiStatus(String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/land/titles/NO-SUCH-PIN/caveats")))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"expectedVersion\":1,\"caveatRef\":\"C-1\",\"reason\":\"test\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anAdministratorCreatesAClerkWhoSetsUpTheAccountSignsInAndIsDisabled() throws Exception {
        // The administrator creates the clerk's account and sees its set-up link once.
        Browser admin = newBrowser();
        signIn(admin, "admin", portal.demoPassword);
        // The administrator always gives a code after the password (issue 26).
        admin.wait.until(d -> d.getCurrentUrl().contains("/login-code.xhtml") || d.getCurrentUrl().contains("/clerk/")
                || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        assertTrue(admin.driver.getCurrentUrl().contains("/login-code.xhtml"),
                "the password leads to the code page: " + admin.driver.getCurrentUrl() + "\n" + admin.pageText());
        admin.type("secondFactor:code", "000000");
        admin.click("secondFactor:verify");
        admin.waitForText("That code is not right");
        assertTrue(admin.driver.getCurrentUrl().contains("/login-code.xhtml"), "a wrong code signs nobody in");
        admin.type("secondFactor:code", portal.demoCode("admin"));
        admin.click("secondFactor:verify");
        admin.wait.until(d -> d.getCurrentUrl().contains("/clerk/"));
        assertTrue(admin.navigationLinks().stream().anyMatch(href -> href.endsWith("/admin/staff.xhtml")),
                "the administrator's menu leads to the staff accounts: " + admin.navigationLinks());
        admin.open(url("/admin/staff.xhtml"));
        admin.click("newAccount");
        admin.wait.until(d -> d.getCurrentUrl().contains("/admin/account.xhtml"));
        admin.type("account:username", CLERK);
        admin.type("account:displayName", "Pema Lhamo");
        admin.selectOne("account:role", "Clerk");
        admin.selectOne("account:register", "Land");
        admin.selectOne("account:agency", "National Land Commission Secretariat (NLCS)");
        admin.selectOne("account:office", "PARO");
        admin.click("account:save");
        // Her own ledger identity, from the Land CA, its key made in the Land token.
        String issued = admin.text("ledgerIssued");
        assertTrue(issued.contains(CLERK) && issued.contains("LandMSP"), issued);
        String link = admin.text("setupUrl");
        assertTrue(link.contains("/account/setup.xhtml?token="), link);
        assertTrue(admin.pageText().contains("will not be shown again"), admin.pageText());
        assertEquals(List.of(), admin.contentSecurityViolations());
        String setupPath = link.substring(link.indexOf("/account/setup.xhtml"));
        String token = setupPath.substring(setupPath.indexOf("token=") + "token=".length());

        admin.open(url("/admin/staff.xhtml"));
        assertFalse(admin.pageText().contains(token), "the list does not show the link again");

        // The set-up page is public, sent with no referrer and never cached.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(setupPath))).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));

        // The holder opens the link in a fresh browser, with no session.
        Browser holder = newBrowser();
        holder.open(url(setupPath));
        String secret = holder.text("secret").replace(" ", "");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertTrue(holder.text("keyUri").startsWith("otpauth://totp/"), holder.text("keyUri"));
        assertFalse(holder.driver.findElements(By.cssSelector("img.qr-code")).isEmpty(), "a QR code of the key");
        assertFalse(holder.byId("setup").getAttribute("action").contains(token), "the form posts without the token");
        holder.type("setup:password", PASSWORD);
        holder.type("setup:confirmPassword", PASSWORD);
        holder.type("setup:code", oathtool(secret));
        holder.click("setup:complete");
        holder.wait.until(d -> !d.findElements(By.id("recoveryCodes")).isEmpty());
        List<String> codes = holder.driver.findElements(By.cssSelector("#recoveryCodes li")).stream()
                .map(e -> e.getText().strip()).toList();
        assertEquals(10, codes.size(), codes.toString());
        assertTrue(codes.stream().allMatch(c -> c.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")), codes.toString());
        assertEquals(List.of(), holder.contentSecurityViolations());

        // The link is used up.
        Browser again = newBrowser();
        again.open(url(setupPath));
        assertTrue(again.driver.findElements(By.id("secret")).isEmpty(), "a used link shows no key");
        assertTrue(again.pageText().contains("not valid"), again.pageText());

        // The clerk signs in with the new password, from the set-up page's link, and a recovery code
        // (the app's code of this time step was used up by the set-up).
        holder.click("setup:signIn");
        holder.wait.until(d -> d.getCurrentUrl().contains("/login.xhtml"));
        holder.type("login:username", CLERK);
        holder.type("login:password", PASSWORD);
        holder.click("login:signIn");
        holder.wait.until(d -> d.getCurrentUrl().contains("/login-code.xhtml"));
        holder.open(url("/clerk/index.xhtml"));
        holder.wait.until(d -> d.getCurrentUrl().contains("/login.xhtml"));
        assertFalse(holder.driver.getCurrentUrl().contains("/clerk/"), "the password alone opens no staff page");
        holder.type("login:username", CLERK);
        holder.type("login:password", PASSWORD);
        holder.click("login:signIn");
        holder.wait.until(d -> d.getCurrentUrl().contains("/login-code.xhtml"));
        holder.type("secondFactor:code", codes.get(0).toLowerCase(java.util.Locale.ROOT));
        holder.click("secondFactor:verify");
        holder.wait.until(d -> d.getCurrentUrl().contains("/clerk/"));
        assertTrue(holder.pageText().contains(CLERK), holder.pageText());

        // The clerk makes a personal API token on the pages: the API takes it, and not the password,
        // which carries no second factor. (No such title: a signed-in land clerk is told so, not 401 or 403.)
        holder.open(url("/clerk/api-tokens.xhtml"));
        holder.type("apiTokens:name", "thram import script");
        holder.click("apiTokens:create");
        holder.wait.until(d -> !d.findElements(By.id("tokenValue")).isEmpty());
        String apiToken = holder.text("tokenValue");
        assertTrue(apiToken.startsWith("druk_"), apiToken);
        int withToken = apiStatus("Bearer " + apiToken);
        assertTrue(withToken != 401 && withToken != 403, "the token signs the clerk in: " + withToken);
        assertEquals(401, apiStatus("Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))));

        // A title she registers through the API is signed by her own certificate, as the auditor's peer records it.
        String pin = "PRO1-" + (100000 + new java.util.Random().nextInt(900000));
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(url("/api/land/titles")))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"pin":"%s","thramNo":"T-%s","dzongkhag":"Paro","gewog":"Tsento","areaAcres":1.2,"landType":"DRY_LAND",
                         "owners":[{"name":"Dechen Wangmo","cid":"%s","share":"1"}]}""".formatted(pin, pin, PortalUnderTest.cidFor(pin))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, registered.statusCode(), registered.body());
        String onAuditPeer = awaitOnAuditPeer("land-title:" + pin);
        String txId = jsonField(onAuditPeer, "txId");
        bt.druk.registry.network.LedgerTransactions.Committed committed = bt.druk.registry.network.LedgerTransactions.read(txId);
        assertEquals("LandMSP", committed.creatorMsp());
        java.security.cert.X509Certificate creator = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(committed.creatorCertificate().getBytes(StandardCharsets.UTF_8)));
        assertTrue(creator.getSubjectX500Principal().getName().startsWith("CN=" + CLERK + ","), creator.getSubjectX500Principal().getName());
        // Her key, used directly by a client that skips the portal (an insider with the token), writes too: until she leaves.
        String before = "land-title:RAW1-" + pin.substring(5);
        String direct = bt.druk.registry.network.GatewaySubmitMain.submit(PortalUnderTest.connectionFile(), CLERK, "RegisterTitle",
                new String[] {before, bt.druk.registry.network.NetworkScript.sha256(before), "PARO", "Paro"});
        assertTrue(direct.startsWith("COMMITTED"), direct);

        // The administrator disables the account, confirming on the page.
        admin.open(url("/admin/staff.xhtml"));
        admin.driver.findElement(By.cssSelector("tr[data-username='" + CLERK + "'] button.staff-disable")).click();
        admin.waitForAjax();
        admin.click("staff:confirmYes");
        admin.wait.until(d -> d.findElement(By.cssSelector("tr[data-username='" + CLERK + "'] .staff-state")).getText()
                .contains("Disabled"));

        // Her identity is revoked at the CA and in the channel's configuration, at once (none of her writes waits).
        admin.waitForText("The ledger refuses " + CLERK + "'s identity");
        String after = "land-title:RAW2-" + pin.substring(5);
        String refused = bt.druk.registry.network.GatewaySubmitMain.submit(PortalUnderTest.connectionFile(), CLERK, "RegisterTitle",
                new String[] {after, bt.druk.registry.network.NetworkScript.sha256(after), "PARO", "Paro"});
        assertFalse(refused.startsWith("COMMITTED"), "a revoked identity's own client is refused: " + refused);
        System.out.println("[staff-lifecycle-it] revoked identity's direct submit: " + refused);
        assertFalse(bt.druk.registry.network.NetworkScript.run("query", "inspector", "audit", "GetRecord", after).succeeded());
        // What she signed before stays on the ledger and verifies ("valid when signed").
        assertTrue(bt.druk.registry.network.NetworkScript.run("query", "inspector", "audit", "GetRecord", before).succeeded());
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(url("/api/verify/" + jsonField(onAuditPeer, "hash") + "/ledger")))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"recordKey\":\"land-title:" + pin + "\"") && verified.body().contains("\"verified\":true"),
                verified.body());
        admin.open(url("/admin/account.xhtml?username=" + CLERK));
        assertTrue(admin.text("ledgerRevoked").contains("Revoked"), admin.pageText());

        // The clerk's open session ends at its next request.
        holder.open(url("/clerk/index.xhtml"));
        holder.wait.until(d -> d.getCurrentUrl().contains("/login.xhtml"));

        // And its API token with it.
        assertEquals(401, apiStatus("Bearer " + apiToken));

        // Signing in now fails.
        Browser later = newBrowser();
        signIn(later, CLERK, PASSWORD);
        later.waitForText("Sign-in failed");
        assertTrue(later.driver.getCurrentUrl().contains("/login.xhtml"), later.driver.getCurrentUrl());

        // The token is in no log of the portal.
        String log = Files.readString(portal.log(), StandardCharsets.UTF_8);
        assertFalse(log.contains(token), "the portal's log holds the set-up token");
        assertFalse(log.contains(secret), "the portal's log holds the TOTP secret");
    }

    /** The record's entry on the auditor's peer ({@code network.sh query}), once it is there (90 s at most). */
    private static String awaitOnAuditPeer(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            bt.druk.registry.network.NetworkScript.Result result =
                    bt.druk.registry.network.NetworkScript.run("query", "inspector", "audit", "GetRecord", key);
            if (result.succeeded()) {
                return result.output();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " did not reach the auditor's peer: " + result.output());
            }
            Thread.sleep(1000);
        }
    }

    private static String jsonField(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return m.group(1);
    }

    private static boolean oathtoolAvailable() {
        return Files.isExecutable(java.nio.file.Path.of("/usr/bin/oathtool"));
    }

    /** The current TOTP code of a Base32 secret, as Debian's oathtool computes it (RFC 6238, SHA-1, 6 digits, 30 s). */
    private static String oathtool(String base32) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("oathtool", "--totp", "-b", base32).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "oathtool: " + out);
        assertTrue(out.matches("\\d{6}"), "oathtool: " + out);
        return out;
    }
}
