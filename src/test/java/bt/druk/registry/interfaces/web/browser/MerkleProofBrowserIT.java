package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleProofs;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.notary.merkle.MerkleVectors;
import bt.druk.registry.domain.notary.merkle.MerkleVectors.InclusionCase;
import bt.druk.registry.domain.notary.merkle.MerkleVerification;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.BrowserOnly;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;

/**
 * {@code merkle-proof.js} in a real headless Chromium gives the Java domain's answers: every
 * published RFC 9162 inclusion case accepted or refused with the same code, the published roots
 * built, every proof Java writes checked and every altered one refused alike, every malformed proof
 * file refused with the same field and code, and checking sends nothing.
 *
 * <p>No portal and no ledger: a {@link StaticSite} on 127.0.0.1 (a secure context, so Web Crypto
 * works over plain http) serves a static test page and the script straight from
 * {@code webapp/resources/druk/js/}, and counts every request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class MerkleProofBrowserIT {

    private static final HexFormat HEX = HexFormat.of();

    private StaticSite site;
    private String baseUrl;
    private List<String> requests;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> switch (path) {
            case "/merkle-test.html" -> StaticSite.Response.testResource("/merkle-proof/merkle-test.html", "text/html; charset=utf-8");
            case "/js/merkle-proof.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/merkle-proof.js",
                    "text/javascript; charset=utf-8");
            default -> null;
        });
        requests = site.requests();
        baseUrl = site.baseUrl;
        browser = new Browser();
        browser.open(baseUrl + "/merkle-test.html");
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.DrukMerkle;"));
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
    void everyPublishedInclusionCaseIsAcceptedOrRefusedInTheBrowserWithJavasCode() {
        List<InclusionCase> cases = MerkleVectors.inclusionCases();
        JsonArrayBuilder input = Json.createArrayBuilder();
        for (InclusionCase c : cases) {
            input.add(Json.createObjectBuilder()
                    .add("leafHash", HEX.formatHex(c.leafHash()))
                    .add("leafIndex", c.leafIndex())
                    .add("treeSize", c.treeSize())
                    .add("proof", hexArray(c.proof()))
                    .add("root", HEX.formatHex(c.root())));
        }
        JsonArray answers = jsonArray(async("const cases = JSON.parse(arguments[0]); const out = [];"
                + " for (const c of cases) out.push(await DrukMerkle.verifyInclusionHashes(c.leafHash, c.leafIndex, c.treeSize,"
                + " c.proof, c.root)); done(JSON.stringify(out));", input.build().toString()));
        assertEquals(cases.size(), answers.size());
        int accepted = 0;
        for (int i = 0; i < cases.size(); i++) {
            InclusionCase c = cases.get(i);
            JsonObject answer = answers.getJsonObject(i);
            MerkleVerification java = MerkleProofs.verifyInclusion(c.leafHash(), c.index(), c.treeSize(), c.proof(), c.root());
            assertEquals(!c.wantErr(), answer.getBoolean("ok"), c.name() + ": " + answer.getString("reason"));
            assertEquals(java.code(), answer.getString("code"), c.name());
            if (answer.getBoolean("ok")) {
                accepted++;
                assertEquals(HEX.formatHex(c.root()), answer.getString("root"), c.name());
            }
        }
        System.out.printf("RFC 9162 inclusion vectors in Chromium: %d accepted, %d refused, as published and with Java's codes%n",
                accepted, cases.size() - accepted);
        assertEquals(98, cases.size());
        assertEquals(6, accepted);
    }

    @Test
    void thePublishedRootsAreBuiltInTheBrowser() {
        List<String> leaves = MerkleVectors.leafInputs().stream().map(HEX::formatHex).toList();
        List<String> roots = MerkleVectors.rootsBySize();
        for (int n = 0; n <= 8; n++) {
            assertEquals(roots.get(n), async("done(await DrukMerkle.rootOf(JSON.parse(arguments[0])));",
                    jsonStrings(leaves.subList(0, n))), "tree of " + n);
        }
    }

    @Test
    void everyProofJavaWritesHoldsInTheBrowserAndEveryAlteredOneFailsWithJavasCode() {
        Random random = new Random(11);
        List<String> proofs = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        List<String> expectedCodes = new ArrayList<>();
        List<String> anchored = new ArrayList<>();
        List<MerkleTree> trees = new ArrayList<>();
        for (int n = 1; n <= 33; n++) {
            trees.add(tree(n, random));
        }
        trees.add(tree(1000, random));
        for (MerkleTree tree : trees) {
            List<Integer> indices = tree.size() <= 33 ? IntStream.range(0, tree.size()).boxed().toList()
                    : List.of(0, 1, 511, 512, 513, 998, 999, random.nextInt(1000), random.nextInt(1000));
            for (int m : indices) {
                InclusionProof proof = tree.inclusionProof(m);
                add(proofs, roots, expectedCodes, anchored, proof.toJson(), tree.rootHex(), "merkle.ok");
                // One hex digit changed somewhere in the leaf, the path or the root.
                String json = proof.toJson();
                List<String> hashes = new ArrayList<>(proof.auditPath());
                hashes.add(proof.leaf());
                hashes.add(proof.root());
                String target = hashes.get(random.nextInt(hashes.size()));
                int at = random.nextInt(64);
                char digit = target.charAt(at);
                String changed = target.substring(0, at) + "0123456789abcdef".charAt(("0123456789abcdef".indexOf(digit) + 1
                        + random.nextInt(15)) % 16) + target.substring(at + 1);
                String altered = json.replace(target, changed);
                add(proofs, roots, expectedCodes, anchored, altered, tree.rootHex(), InclusionProof.parse(altered).verify().code());
                // Another index, a hash more, and a good proof against another anchor.
                String moved = json.replace("\"leafIndex\":" + m + ",", "\"leafIndex\":" + ((m + 1) % (tree.size() + 1)) + ",");
                add(proofs, roots, expectedCodes, anchored, moved, tree.rootHex(), InclusionProof.parse(moved).verify().code());
                String longer = json.replace("\"auditPath\":[", "\"auditPath\":[\"" + proof.leaf() + "\"" + (m == 0 && tree.size() == 1 ? "" : ","));
                add(proofs, roots, expectedCodes, anchored, longer, tree.rootHex(), InclusionProof.parse(longer).verify().code());
                add(proofs, roots, expectedCodes, anchored, json, CanonicalJson.sha256Hex("another batch"), "merkle.root.notAnchored");
            }
        }
        JsonArray answers = jsonArray(async("const proofs = JSON.parse(arguments[0]); const anchors = JSON.parse(arguments[1]);"
                + " const out = []; for (let i = 0; i < proofs.length; i++)"
                + " out.push(await DrukMerkle.verifyInclusion(proofs[i], {expectedRoot: anchors[i]}));"
                + " done(JSON.stringify(out));", jsonStrings(proofs), jsonStrings(anchored)));
        int held = 0;
        for (int i = 0; i < proofs.size(); i++) {
            JsonObject answer = answers.getJsonObject(i);
            assertEquals(expectedCodes.get(i), answer.getString("code"), proofs.get(i) + ": " + answer.getString("reason"));
            assertEquals(expectedCodes.get(i).equals("merkle.ok"), answer.getBoolean("ok"));
            if (answer.getBoolean("ok")) {
                held++;
                assertEquals(roots.get(i), answer.getString("root"));
            }
        }
        System.out.printf("Java's proofs in Chromium: %d held, %d altered or misanchored refused with Java's codes%n",
                held, proofs.size() - held);
        assertEquals(33 * 34 / 2 + 9, held);
        // A proof object (not text) is checked the same way, and the JSON parse is the same parse.
        InclusionProof proof = trees.get(trees.size() - 1).inclusionProof(700);
        assertEquals("merkle.ok", json(async("done(JSON.stringify(await DrukMerkle.verifyInclusion(JSON.parse(arguments[0]))));",
                proof.toJson())).getString("code"));
    }

    @Test
    void malformedProofFilesAreRefusedWithJavasFieldsAndCodes() {
        InclusionProof proof = tree(5, new Random(3)).inclusionProof(3);
        String good = proof.toJson();
        String path0 = proof.auditPath().get(0);
        List<String> cases = new ArrayList<>(List.of(
                "", "   ", "%PDF-1.7", good.substring(0, good.length() - 1), "[" + good + "]", "null", "42", "{}",
                "\"" + proof.leaf() + "\"",
                good.replace("\"algorithm\"", "\"anchorTx\":\"abc\",\"algorithm\""),
                good.replace("\"leaf\"", "\"leafHash\""),
                good.replace("\"algorithm\":\"RFC9162-SHA256\",", ""),
                good.replace("RFC9162-SHA256", "RFC6962-SHA256"),
                good.replace("\"RFC9162-SHA256\"", "true"),
                good.replace("\"leafIndex\":3", "\"leafIndex\":\"3\""),
                good.replace("\"leafIndex\":3", "\"leafIndex\":3.5"),
                good.replace("\"leafIndex\":3", "\"leafIndex\":-1"),
                good.replace("\"leafIndex\":3", "\"leafIndex\":3.0"),
                good.replace("\"leafIndex\":3", "\"leafIndex\":3e0"),
                good.replace("\"treeSize\":5", "\"treeSize\":9007199254740991"),
                good.replace("\"treeSize\":5", "\"treeSize\":9007199254740992"),
                good.replace("\"treeSize\":5", "\"treeSize\":1e400"),
                good.replace("\"treeSize\":5", "\"treeSize\":null"),
                good.replace(proof.leaf(), proof.leaf().toUpperCase()),
                good.replace(proof.root(), proof.root().substring(2)),
                good.replace(path0, path0 + "00"),
                good.replace("\"" + path0 + "\"", "[\"" + path0 + "\"]"),
                good.replace("\"" + path0 + "\"", "{}"),
                good.replaceAll("\"auditPath\":\\[[^]]*]", "\"auditPath\":\"" + path0 + "\""),
                good.replaceAll("\"auditPath\":\\[[^]]*]", "\"auditPath\":[" + String.join(",",
                        java.util.Collections.nCopies(54, "\"" + path0 + "\"")) + "]"),
                good.replace("\"algorithm\"", "\"__proto__\":{},\"algorithm\""),
                " ".repeat(InclusionProof.MAX_TEXT_LENGTH) + good,
                good));
        JsonArray answers = jsonArray(async("const texts = JSON.parse(arguments[0]);"
                + " done(JSON.stringify(texts.map(t => DrukMerkle.parseProof(t))));", jsonStrings(cases)));
        for (int i = 0; i < cases.size(); i++) {
            String text = cases.get(i);
            List<String> java = new ArrayList<>();
            try {
                InclusionProof.parse(text);
                java.add("ok");
            } catch (ValidationException e) {
                for (FieldError error : e.errors()) {
                    java.add(error.field() + " " + error.code());
                }
            }
            JsonObject answer = answers.getJsonObject(i);
            List<String> browser = new ArrayList<>();
            if (answer.getBoolean("ok")) {
                browser.add("ok");
            } else {
                for (JsonValue error : answer.getJsonArray("errors")) {
                    browser.add(error.asJsonObject().getString("field") + " " + error.asJsonObject().getString("code"));
                }
            }
            assertEquals(java, browser, text.length() > 200 ? text.substring(0, 200) + "..." : text);
        }
        // verifyInclusion answers a malformed file with the first refusal, never a rejection.
        JsonObject answer = json(async("done(JSON.stringify(await DrukMerkle.verifyInclusion(arguments[0])));",
                good.replace("\"leafIndex\":3", "\"leafIndex\":\"3\"")));
        assertFalse(answer.getBoolean("ok"));
        assertEquals("merkleProof.type", answer.getString("code"));
        assertEquals(JsonValue.NULL, answer.get("root"));
        for (String hostile : List.of("undefined", "null", "42", "[]", "{leaf: 5}", "{auditPath: {length: 1e9}}")) {
            JsonObject refused = json(async("done(JSON.stringify(await DrukMerkle.verifyInclusion(" + hostile + ")));"));
            assertFalse(refused.getBoolean("ok"), hostile);
            assertFalse(refused.getString("reason").isBlank(), hostile);
        }
    }

    @Test
    void checkingAProofSendsNothing() {
        MerkleTree tree = tree(40, new Random(5));
        int before = requests.size();
        long resourcesBefore = (Long) browser.driver.executeScript("return performance.getEntriesByType('resource').length;");
        for (int m = 0; m < tree.size(); m++) {
            assertEquals("true", async("done(String((await DrukMerkle.verifyInclusion(arguments[0], {expectedRoot: arguments[1]})).ok));",
                    tree.inclusionProof(m).toJson(), tree.rootHex()));
        }
        assertEquals(before, requests.size(), "checking sent " + requests.subList(before, requests.size()));
        assertEquals(resourcesBefore, browser.driver.executeScript("return performance.getEntriesByType('resource').length;"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static MerkleTree tree(int n, Random random) {
        List<String> documents = new ArrayList<>();
        byte[] digest = new byte[32];
        for (int i = 0; i < n; i++) {
            random.nextBytes(digest);
            documents.add(HEX.formatHex(digest));
        }
        return MerkleTree.ofDocumentHashes(documents);
    }

    private static void add(List<String> proofs, List<String> roots, List<String> codes, List<String> anchors,
            String proof, String root, String code) {
        proofs.add(proof);
        roots.add(root);
        codes.add(code);
        anchors.add(root);
    }

    /** Runs script (await allowed) with a done(result) callback, the result a string. */
    private String async(String script, Object... args) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object[] all = new Object[args.length];
        System.arraycopy(args, 0, all, 0, args.length);
        Object result = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; (async () => { " + script + " })()"
                        + ".catch(e => done('ERROR ' + e.message));", all);
        String text = String.valueOf(result);
        assertFalse(text.startsWith("ERROR "), text);
        return text;
    }

    private static JsonArrayBuilder hexArray(List<byte[]> hashes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        hashes.forEach(h -> array.add(HEX.formatHex(h)));
        return array;
    }

    private static String jsonStrings(List<String> texts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        texts.forEach(array::add);
        return array.build().toString();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonArray jsonArray(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }
}
