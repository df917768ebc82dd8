package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.EnvelopeOpener;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.OpeningResult;
import bt.druk.registry.domain.procurement.sealed.OpeningResult.InvalidReason;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelopeVectors;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.testing.BrowserOnly;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
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
 * {@code sealed-envelope.js} in a real headless Chromium and the Java domain
 * ({@code domain/procurement/sealed}) open each other's envelopes: the browser decrypts the fixed
 * vectors Java made; Java opens what the browser seals to Java's holder keys with any two of three
 * shares and refuses one; Java seals to keys the browser made and the browser's holders decrypt
 * their shares; a tampered ciphertext and a wrong share are named alike by both; sealing sends
 * nothing. Also logs how long sealing a 20 MB document takes.
 *
 * <p>No portal and no ledger: a {@link StaticSite} on 127.0.0.1 (a secure context, so Web Crypto
 * works over plain http) serves a static test page and the scripts from {@code webapp/resources/druk/js/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class SealedEnvelopeBrowserIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final String OCID = "ocds-drk001-T-2026-0101";
    private static final String BID = "{\"supplier\":{\"name\":\"Tashi Construction ཀྲ\",\"licence\":\"1002345\"},"
            + "\"value\":{\"amount\":4750000.25,\"currency\":\"BTN\"}}";

    private StaticSite site;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> switch (path) {
            case "/sealed-envelope-test.html" -> StaticSite.Response.testResource("/sealed-envelope/sealed-envelope-test.html",
                    "text/html; charset=utf-8");
            case "/js/canonical-json.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/canonical-json.js",
                    "text/javascript; charset=utf-8");
            case "/js/sealed-envelope.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/sealed-envelope.js",
                    "text/javascript; charset=utf-8");
            default -> null;
        });
        browser = new Browser();
        browser.open(site.baseUrl + "/sealed-envelope-test.html");
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.DrukSealedEnvelope;"));
        assertEquals(List.of(), browser.contentSecurityViolations());
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    @Test
    void theBrowserDecryptsJavasFixedVectorsExactly() {
        JsonArray cases = json(SealedEnvelopeVectors.text()).getJsonArray("cases");
        int shares = 0;
        for (JsonValue value : cases) {
            JsonObject c = value.asJsonObject();
            JsonArrayBuilder keyFiles = Json.createArrayBuilder();
            c.getJsonArray("holders").forEach(h -> keyFiles.add(h.asJsonObject().getJsonObject("privateKeyJwk")));
            JsonObject answer = json(async("const c = JSON.parse(arguments[0]); const files = JSON.parse(arguments[1]);"
                    + " const S = DrukSealedEnvelope; const shares = [];"
                    + " for (const file of files) { const key = await S.importHolderKeyFile(file);"
                    + "   shares.push(await S.decryptShare(c.envelope, key.privateKey, key.publicKey)); }"
                    + " const opened = await S.open(c.envelope, c.envelopeSha256, shares.slice(shares.length - c.k));"
                    + " done(JSON.stringify({shares: shares.map(s => s.bytes), indices: shares.map(s => s.index),"
                    + "   status: opened.status, bid: opened.bid, documents: (opened.documents || []).map(d => S.base64url(d.content))}));",
                    c.toString(), keyFiles.build().toString()));
            assertEquals(c.getJsonArray("shares"), answer.getJsonArray("shares"), c.getString("name"));
            for (int i = 0; i < answer.getJsonArray("indices").size(); i++) {
                assertEquals(i + 1, answer.getJsonArray("indices").getInt(i));
            }
            assertEquals("valid", answer.getString("status"));
            assertEquals(c.getString("bidCanonical"), answer.getString("bid"));
            assertEquals(c.getJsonArray("documents"), answer.getJsonArray("documents"));
            shares += answer.getJsonArray("shares").size();
        }
        System.out.printf("Chromium decrypted all %d shares of Java's %d fixed envelopes and opened each to the recorded bid%n",
                shares, cases.size());
        assertEquals(8, shares);
    }

    @Test
    void javaOpensWhatTheBrowserSealsWithEveryPairOfSharesAndRefusesOne() {
        List<KeyPair> holders = holders();
        Sealed sealed = sealInBrowser(holders, 100_000);
        SealedEnvelope envelope = SealedEnvelope.parse(sealed.text);
        assertEquals(sealed.sha256, envelope.sha256Hex());
        for (int i = 0; i < 3; i++) {
            assertEquals(EnvelopeSealer.publicKeySha256((ECPublicKey) holders.get(i).getPublic()), envelope.holders().get(i).publicKeySha256());
        }
        List<KeyShare> shares = javaShares(envelope, holders);
        for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class,
                    EnvelopeOpener.open(sealed.text, sealed.sha256, List.of(shares.get(pair[0]), shares.get(pair[1]))));
            assertEquals(CanonicalJson.canonicalize(BID), valid.bidJson());
            assertEquals(2, valid.documents().size());
            assertArrayEquals(pattern(100_000), valid.documents().get(0).content());
            assertEquals(0, valid.documents().get(1).size());
        }
        for (KeyShare one : shares) {
            OpeningResult.TooFewShares few = assertInstanceOf(OpeningResult.TooFewShares.class,
                    EnvelopeOpener.open(sealed.text, sealed.sha256, List.of(one)));
            assertEquals(2, few.needed());
            assertEquals(1, few.correct());
        }
        System.out.println("Java opened the browser's envelope with each of the 3 pairs of shares and refused each single share");
    }

    @Test
    void aTamperedCiphertextAndAWrongShareAreNamedAsSuchByJavaAndTheBrowser() {
        List<KeyPair> holders = holders();
        Sealed sealed = sealInBrowser(holders, 1_000);
        SealedEnvelope envelope = SealedEnvelope.parse(sealed.text);
        List<KeyShare> shares = javaShares(envelope, holders);

        SealedEnvelope.Part document = envelope.parts().get(1);
        byte[] ciphertext = B64_DECODER.decode(document.ciphertext());
        ciphertext[10] ^= 0x20;
        String tampered = sealed.text.replace(document.ciphertext(), B64.encodeToString(ciphertext));
        String tamperedSha = CanonicalJson.sha256Hex(tampered);
        OpeningResult.Invalid java = assertInstanceOf(OpeningResult.Invalid.class,
                EnvelopeOpener.open(tampered, tamperedSha, shares.subList(0, 2)));
        assertEquals(InvalidReason.UNDECRYPTABLE, java.reason());
        assertTrue(java.detail().contains("\"document-1\""), java.detail());
        JsonObject inBrowser = openInBrowser(tampered, tamperedSha, shares.subList(0, 2));
        assertEquals("invalid", inBrowser.getString("status"));
        assertEquals("UNDECRYPTABLE", inBrowser.getString("reason"));
        assertTrue(inBrowser.getString("detail").contains("\"document-1\""), inBrowser.getString("detail"));
        // The ledger's hash of the untampered envelope: a hash mismatch, before anything is decrypted.
        assertEquals(InvalidReason.HASH_MISMATCH, assertInstanceOf(OpeningResult.Invalid.class,
                EnvelopeOpener.open(tampered, sealed.sha256, shares)).reason());
        assertEquals("HASH_MISMATCH", openInBrowser(tampered, sealed.sha256, shares).getString("reason"));

        byte[] value = shares.get(1).value();
        value[0] ^= 1;
        List<KeyShare> withWrong = List.of(shares.get(0), new KeyShare(2, value), shares.get(2));
        OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class, EnvelopeOpener.open(sealed.text, sealed.sha256, withWrong));
        assertEquals(List.of(new OpeningResult.RejectedShare(2, "share 2 does not match its hash in the envelope")),
                valid.rejectedShares());
        JsonObject browserOpened = openInBrowser(sealed.text, sealed.sha256, withWrong);
        assertEquals("valid", browserOpened.getString("status"));
        assertEquals(1, browserOpened.getJsonArray("rejectedShares").size());
        assertEquals(2, browserOpened.getJsonArray("rejectedShares").getJsonObject(0).getInt("index"));
        assertEquals("share 2 does not match its hash in the envelope",
                browserOpened.getJsonArray("rejectedShares").getJsonObject(0).getString("reason"));
        JsonObject tooFew = openInBrowser(sealed.text, sealed.sha256, withWrong.subList(0, 2));
        assertEquals("tooFewShares", tooFew.getString("status"));
        assertEquals(1, tooFew.getInt("correct"));
    }

    @Test
    void javaSealsToHolderKeysTheBrowserMadeAndTheBrowsersHoldersDecryptTheirShares() {
        // Three holders in the browser; the first also downloads a key file, the others never can.
        JsonObject made = json(async("const S = DrukSealedEnvelope; window.testHolders = [];"
                + " for (let i = 0; i < 3; i++) window.testHolders.push(await S.generateHolderKeyPair({keyFile: i === 0}));"
                + " done(JSON.stringify({spkis: testHolders.map(h => h.publicKeySpki), hashes: testHolders.map(h => h.publicKeySha256),"
                + "   extractable: testHolders.map(h => h.privateKey.extractable), keyFile: testHolders[0].keyFile,"
                + "   noFile: testHolders[1].keyFile === null}));"));
        assertEquals(List.of(false, false, false), made.getJsonArray("extractable").stream().map(v -> v == JsonValue.TRUE).toList());
        assertTrue(made.getBoolean("noFile"));
        assertTrue(made.getJsonObject("keyFile").getString("druk").contains("Whoever holds this file"));
        List<byte[]> spkis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] spki = B64_DECODER.decode(made.getJsonArray("spkis").getString(i));
            assertEquals(made.getJsonArray("hashes").getString(i), EnvelopeSealer.publicKeySha256(P256.publicKeyFromSpki(spki)));
            spkis.add(spki);
        }
        SealedEnvelope envelope = EnvelopeSealer.seal(OCID, BID, List.of(pattern(5000)), spkis, 2);
        String text = envelope.toCanonicalJson();
        JsonArray shares = json(async("const S = DrukSealedEnvelope; const out = [];"
                + " for (const h of testHolders) out.push((await S.decryptShare(arguments[0], h.privateKey, h.publicKey)).bytes);"
                + " done(JSON.stringify(out));", text)).getJsonArray("array");
        List<KeyShare> posted = shares.stream().map(v -> KeyShare.fromBytes(B64_DECODER.decode(((jakarta.json.JsonString) v).getString())))
                .toList();
        OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class,
                EnvelopeOpener.open(text, envelope.sha256Hex(), posted.subList(1, 3)));
        assertEquals(CanonicalJson.canonicalize(BID), valid.bidJson());
        assertArrayEquals(pattern(5000), valid.documents().get(0).content());
        // A holder's key file opens the same share again, and not another holder's share (the envelope made to say it is holder 2).
        JsonObject again = json(async("const S = DrukSealedEnvelope; const key = await S.importHolderKeyFile(arguments[1]);"
                + " const share = await S.decryptShare(arguments[0], key.privateKey, key.publicKey);"
                + " let other; try { const e = JSON.parse(arguments[0]); e.holders[1].publicKeySha256 = e.holders[0].publicKeySha256;"
                + "   e.holders[0].publicKeySha256 = '0'.repeat(64);"
                + "   await S.decryptShare(e, key.privateKey, key.publicKey); other = 'decrypted'; } catch (x) { other = x.code; }"
                + " done(JSON.stringify({bytes: share.bytes, other: other}));", text, made.getJsonObject("keyFile").toString()));
        assertEquals(shares.getString(0), again.getString("bytes"));
        assertEquals("sealedEnvelope.share.undecryptable", again.getString("other"));
    }

    @Test
    void malformedEnvelopesAreRefusedByTheBrowserWhereJavaRefusesThem() {
        String good = SealedEnvelopeVectors.cases().get(0).envelope();
        SealedEnvelope envelope = SealedEnvelope.parse(good);
        SealedEnvelope.Share share = envelope.shares().get(1);
        String c = share.ciphertext();
        List<String> texts = List.of(good, "", "[]", good.substring(1), good.replace("druk-sealed-bid/2", "druk-sealed-bid/1"),
                good.replace("\"k\":2", "\"k\":1"), good.replace("\"k\":2", "\"k\":2.5"), good.replace("\"n\":3", "\"n\":\"3\""),
                good.replace("{\"holders\"", "{\"extra\":1,\"holders\""), good.replace("{\"holders\"", "{ \"holders\""),
                good.replace("{\"holders\"", "{\"k\":2,\"holders\""), good.replace("\"document-1\"", "\"document-2\""),
                good.replace(share.iv(), share.iv() + "AAAA"), good.replace(share.iv(), share.iv().substring(0, 15) + "+"),
                good.replace(share.iv(), share.iv().substring(0, 14) + "=="),
                good.replace(c, c.substring(0, c.length() - 1) + (char) (c.charAt(c.length() - 1) + 1)),
                good.replace(share.shareSha256(), share.shareSha256().toUpperCase()),
                good.replace("\"index\":2,\"iv\"", "\"index\":3,\"iv\""),
                good.replace(envelope.ocid(), "T-42"));
        JsonArrayBuilder input = Json.createArrayBuilder();
        texts.forEach(input::add);
        JsonArray answers = json(async("const out = []; for (const t of JSON.parse(arguments[0])) {"
                + " try { DrukSealedEnvelope.parse(t); out.push('ok'); } catch (e) { out.push(e.code || ('no code: ' + e.message)); } }"
                + " done(JSON.stringify(out));", input.build().toString())).getJsonArray("array");
        for (int i = 0; i < texts.size(); i++) {
            String java;
            try {
                SealedEnvelope.parse(texts.get(i));
                java = "ok";
            } catch (bt.druk.registry.domain.shared.ValidationException e) {
                java = e.errors().get(0).code();
            }
            String browserCode = answers.getString(i);
            assertEquals(java.equals("ok"), browserCode.equals("ok"), "case " + i + ": Java " + java + ", browser " + browserCode);
            assertTrue(browserCode.equals("ok") || browserCode.startsWith("sealedEnvelope."), "case " + i + ": " + browserCode);
        }
        assertEquals("ok", answers.getString(0));
    }

    @Test
    void sealingA20MegabyteDocumentInTheBrowserIsTimedAndSendsNothing() {
        int before = site.requests().size();
        JsonObject answer = json(async("const S = DrukSealedEnvelope; const holders = [];"
                + " for (let i = 0; i < 3; i++) holders.push(await S.generateHolderKeyPair());"
                + " const doc = new Uint8Array(20 * 1024 * 1024); for (let i = 0; i < doc.length; i++) doc[i] = (i * 31 + 7) & 0xff;"
                + " const runs = [];"
                + " let sealed;"
                + " for (let r = 0; r < 3; r++) { const t0 = performance.now();"
                + "   sealed = await S.seal({ocid: arguments[0], bid: JSON.parse(arguments[1]), documents: [doc],"
                + "     holders: holders.map(h => h.publicKey), k: 2});"
                + "   runs.push(performance.now() - t0); }"
                + " const shares = [];"
                + " for (const h of holders.slice(1)) shares.push(await S.decryptShare(sealed.text, h.privateKey, h.publicKey));"
                + " const t1 = performance.now(); const opened = await S.open(sealed.text, sealed.sha256, shares);"
                + " const openMs = performance.now() - t1;"
                + " const same = opened.documents[0].content.length === doc.length"
                + "   && opened.documents[0].content.every((b, i) => b === doc[i]);"
                + " done(JSON.stringify({runs: runs, openMs: openMs, length: sealed.text.length, status: opened.status, same: same}));",
                OCID, BID));
        assertEquals(before, site.requests().size(), "sealing sent " + site.requests().subList(before, site.requests().size()));
        assertEquals("valid", answer.getString("status"));
        assertTrue(answer.getBoolean("same"));
        System.out.printf("Chromium sealed a 20 MiB document (envelope %,d characters) in %s ms (3 runs: seal, split, encrypt,"
                + " base64url, canonical JSON, SHA-256); opened it again in %.0f ms%n", answer.getInt("length"),
                answer.getJsonArray("runs").stream().map(v -> String.format("%.0f", ((jakarta.json.JsonNumber) v).doubleValue())).toList(),
                answer.getJsonNumber("openMs").doubleValue());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private record Sealed(String text, String sha256) {
    }

    private static List<KeyPair> holders() {
        SecureRandom random = new SecureRandom();
        return List.of(P256.generate(random), P256.generate(random), P256.generate(random));
    }

    /** The browser seals BID with a document of {@code size} pattern bytes and an empty one to these holders, k = 2. */
    private Sealed sealInBrowser(List<KeyPair> holders, int size) {
        JsonArrayBuilder spkis = Json.createArrayBuilder();
        holders.forEach(h -> spkis.add(B64.encodeToString(h.getPublic().getEncoded())));
        int before = site.requests().size();
        JsonObject answer = json(async("const doc = new Uint8Array(arguments[3]);"
                + " for (let i = 0; i < doc.length; i++) doc[i] = (i * 31 + 7) & 0xff;"
                + " const sealed = await DrukSealedEnvelope.seal({ocid: arguments[0], bid: JSON.parse(arguments[1]),"
                + "   documents: [doc.buffer, new ArrayBuffer(0)], holders: JSON.parse(arguments[2]), k: 2});"
                + " done(JSON.stringify({text: sealed.text, sha256: sealed.sha256}));", OCID, BID, spkis.build().toString(), size));
        assertEquals(before, site.requests().size(), "sealing sent a request");
        return new Sealed(answer.getString("text"), answer.getString("sha256"));
    }

    private static List<KeyShare> javaShares(SealedEnvelope envelope, List<KeyPair> holders) {
        List<KeyShare> shares = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            shares.add(ShareCipher.decrypt(envelope, i + 1, holders.get(i).getPrivate(), (ECPublicKey) holders.get(i).getPublic()));
        }
        return shares;
    }

    private JsonObject openInBrowser(String text, String sha256, List<KeyShare> shares) {
        JsonArrayBuilder posted = Json.createArrayBuilder();
        shares.forEach(s -> posted.add(Json.createObjectBuilder().add("bytes", B64.encodeToString(s.toBytes()))));
        return json(async("const r = await DrukSealedEnvelope.open(arguments[0], arguments[1], JSON.parse(arguments[2]));"
                + " delete r.documents; done(JSON.stringify(r));", text, sha256, posted.build().toString()));
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Runs script (await allowed) with a done(result) callback, the result a string. */
    private String async(String script, Object... args) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        Object result = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; (async () => { " + script + " })()"
                        + ".catch(e => done('ERROR ' + (e && e.code ? e.code + ' ' : '') + (e && e.message)));", args);
        String text = String.valueOf(result);
        assertFalse(text.startsWith("ERROR "), text);
        return text;
    }

    private static JsonObject json(String text) {
        JsonValue value = Json.createReader(new StringReader(text)).readValue();
        return value instanceof JsonObject o ? o : Json.createObjectBuilder().add("array", value).build();
    }
}
