package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.EnvelopeOpener;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.OpeningResult;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.testing.BrowserOnly;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The opening key holder's scripts in headless Chromium, without a portal: a static test page with
 * opening-key-store.js and holder-shares.js. The holder's private key survives in IndexedDB as a
 * non-extractable key, and its shares of bids Java sealed (envelopes without their parts, as
 * OpeningEnvelopesServlet serves them) decrypt to shares Java opens the bids with; a missing
 * envelope and a tampered share become null with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class HolderSharesBrowserIT {

    private static final String OCID = "ocds-drk001-T-2026-0202";
    private static final String BID = "{\"supplier\":{\"name\":\"Dorji Builders\",\"licence\":\"1004567\"},"
            + "\"price\":{\"amount\":\"1250000.00\",\"currency\":\"BTN\"}}";

    private StaticSite site;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> switch (path) {
            case "/holder-shares-test.html" -> StaticSite.Response.testResource("/holder-shares/holder-shares-test.html",
                    "text/html; charset=utf-8");
            case "/js/canonical-json.js", "/js/sealed-envelope.js", "/js/opening-key-store.js", "/js/holder-shares.js" ->
                    StaticSite.Response.projectFile("webapp/resources/druk" + path, "text/javascript; charset=utf-8");
            default -> null;
        });
        browser = new Browser();
        browser.open(site.baseUrl + "/holder-shares-test.html");
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.DrukHolderShares;"));
        assertEquals(List.of(), browser.contentSecurityViolations());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aHolderKeptInThisBrowserDecryptsItsSharesAndNamesTheOnesThatFail() {
        JsonObject made = json(async("const S = DrukSealedEnvelope; const K = DrukOpeningKeyStore; window.testHolders = [];"
                + " for (let i = 0; i < 3; i++) window.testHolders.push(await S.generateHolderKeyPair({keyFile: i === 0}));"
                + " await K.put('audit.inspector', testHolders[0]);"
                + " const kept = await K.get('audit.inspector', testHolders[0].publicKeySha256);"
                + " const other = await K.get('someone.else', testHolders[0].publicKeySha256);"
                + " done(JSON.stringify({spkis: testHolders.map(h => h.publicKeySpki), keptExtractable: kept.privateKey.extractable,"
                + "   keptHash: kept.publicKeySha256, other: other, listed: (await K.list('audit.inspector')).length}));"));
        assertFalse(made.getBoolean("keptExtractable"), "IndexedDB keeps the key non-extractable");
        assertTrue(made.isNull("other"), "keys are kept per user name");
        assertEquals(1, made.getInt("listed"));
        List<byte[]> spkis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            spkis.add(Base64.getUrlDecoder().decode(made.getJsonArray("spkis").getString(i)));
        }
        SealedEnvelope good = EnvelopeSealer.seal(OCID, BID, List.of(new byte[2000]), spkis, 2);
        SealedEnvelope tampered = EnvelopeSealer.seal(OCID, BID, List.of(), spkis, 2);
        JsonObject result = json(async("const S = DrukSealedEnvelope;"
                + " const strip = t => { const e = JSON.parse(t); delete e.parts; return e; };"
                + " const bids = [{bidKey: 'bid:" + OCID + ":1', envelope: strip(arguments[0])},"
                + "   {bidKey: 'bid:" + OCID + ":2', envelope: null, problem: 'missing'},"
                + "   {bidKey: 'bid:" + OCID + ":3', envelope: strip(arguments[1])}];"
                + " const c = bids[2].envelope.shares[0].ciphertext;"
                + " bids[2].envelope.shares[0].ciphertext = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);"
                + " const key = await DrukOpeningKeyStore.get('audit.inspector', testHolders[0].publicKeySha256);"
                + " const steps = [];"
                + " const out = await DrukHolderShares.decryptAll(bids, key, (done, total) => steps.push(done + '/' + total));"
                + " const second = (await S.decryptShare(arguments[0], testHolders[1].privateKey, testHolders[1].publicKey)).bytes;"
                + " done(JSON.stringify({shares: out.shares, failures: out.failures, steps: steps, second: second}));",
                good.toCanonicalJson(), tampered.toCanonicalJson()));
        JsonObject shares = result.getJsonObject("shares");
        assertEquals(3, shares.size());
        assertTrue(shares.isNull("bid:" + OCID + ":2"));
        assertTrue(shares.isNull("bid:" + OCID + ":3"));
        assertEquals(List.of("missing", "sealedEnvelope.share.undecryptable"),
                result.getJsonArray("failures").stream().map(v -> v.asJsonObject().getString("code")).toList());
        assertEquals("3/3", result.getJsonArray("steps").getString(3));
        List<KeyShare> posted = List.of(
                KeyShare.fromBytes(Base64.getUrlDecoder().decode(shares.getString("bid:" + OCID + ":1"))),
                KeyShare.fromBytes(Base64.getUrlDecoder().decode(result.getString("second"))));
        assertInstanceOf(OpeningResult.Valid.class, EnvelopeOpener.open(good.toCanonicalJson(), good.sha256Hex(), posted),
                "holder 1's share from the stripped envelope opens the bid with holder 2's");
    }

    private String async(String script, Object... args) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Object result = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; (async () => { " + script + " })()"
                        + ".catch(e => done('ERROR ' + (e && e.code ? e.code + ' ' : '') + (e && e.message)));", args);
        String text = String.valueOf(result);
        assertFalse(text.startsWith("ERROR "), text);
        return text;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
