package bt.druk.registry.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code druk-verify open-tender} over a fake ledger holding a sealed tender, its bids and the
 * holders' posted shares the way the chaincode stores them, with envelopes sealed as a bidder's
 * browser seals them and stored under their hash.
 */
class OpenTenderTest {

    static final String OCID = "ocds-drk001-2026-0007";
    static final String TENDER_KEY = "tender:" + OCID;
    static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");
    static final List<String> HOLDER_MSPS = List.of("ProcurementMSP", "AuditMSP", "JusticeMSP");
    static final String SUPPLIER_1 = "CDB-2026-0101";
    static final String SUPPLIER_2 = "CDB-2026-0102";
    static final String SUPPLIER_3 = "CDB-2026-0103";
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path ciphertexts;

    final FakeLedgerReader ledger = new FakeLedgerReader();
    final List<KeyPair> holders = List.of(P256.generate(RANDOM), P256.generate(RANDOM), P256.generate(RANDOM));
    /** The sealed envelopes by bid key, in bid key order. */
    final Map<String, SealedEnvelope> envelopes = new LinkedHashMap<>();
    final byte[] document = "bill of quantities, Wangdue bridge".getBytes(StandardCharsets.UTF_8);
    int block = 40;

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    Run openTender(String... extra) {
        List<String> args = new ArrayList<>(List.of("open-tender", OCID, "--ciphertexts", ciphertexts.toString(),
                "--peer", "127.0.0.1:9051", "--tls-ca", "ca.pem", "--msp", "AuditMSP", "--cert", "cert.pem", "--key", "key.pem"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DrukVerify.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (PeerSettings peer, String channel, String chaincode) -> ledger);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // ---- the ledger, as the chaincode writes it (SealedOpeningRules)

    /** {@code PublishSealedTender}: fields {@code sealed: true} and {@code opening} with the holders' key hashes. */
    void publishSealedTender(int k) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i < holders.size(); i++) {
            list.add(Json.createObjectBuilder().add("keyHash", EnvelopeSealer.publicKeySha256((ECPublicKey) holders.get(i).getPublic()))
                    .add("msp", HOLDER_MSPS.get(i)));
        }
        ledger.write(TENDER_KEY, "tender", 1, sha256("tender v1"), "active.tendering", txId("publish"), DEADLINE.minusSeconds(864_000),
                block++, List.of("ProcurementMSP"), Json.createObjectBuilder()
                        .add("bidDeadline", DEADLINE.toString())
                        .add("opening", Json.createObjectBuilder().add("holders", list).add("threshold", k))
                        .add("sealed", true)
                        .build());
    }

    /** A bidder's browser seals {@code bid} for k of the tender's holders; {@code LodgeSealedBid} lodges its hash. */
    SealedEnvelope lodge(int n, SealedBidContent bid, int k) {
        String bidKey = "bid:" + OCID + ":" + n;
        List<byte[]> spkis = holders.stream().map(h -> h.getPublic().getEncoded()).toList();
        SealedEnvelope envelope = EnvelopeSealer.seal(OCID, bid.toCanonicalJson(), List.of(document), spkis, k);
        JsonArrayBuilder shareHashes = Json.createArrayBuilder();
        envelope.shares().forEach(s -> shareHashes.add(s.shareSha256()));
        ledger.write(bidKey, "bid", 1, envelope.sha256Hex(), "lodged", txId("commit " + n), DEADLINE.minusSeconds(3600), block++,
                List.of("ProcurementMSP"), Json.createObjectBuilder()
                        .add("envelopeHash", envelope.sha256Hex())
                        .add("result", JsonValue.NULL)
                        .add("shareHashes", shareHashes)
                        .add("supplierCommitment", sha256(TENDER_KEY + ":" + bid.supplierId() + ":salt" + n))
                        .add("tenderKey", TENDER_KEY)
                        .build());
        envelopes.put(bidKey, envelope);
        return envelope;
    }

    SealedBidContent bid(String supplierId, String price) {
        return new SealedBidContent(OCID, supplierId, price, "BTN",
                List.of(new SealedBidContent.Document("boq.pdf", "document-1", sha256(document))));
    }

    /** The portal stores the envelope's canonical JSON under its hash. */
    void store(SealedEnvelope envelope) throws IOException {
        Files.writeString(ciphertexts.resolve(envelope.sha256Hex() + ".json"), envelope.toCanonicalJson());
    }

    /** {@code PostOpeningShares}: holder {@code index} decrypts its share of every bid in its browser and posts them. */
    void post(int index) {
        KeyPair holder = holders.get(index - 1);
        JsonObjectBuilder shares = Json.createObjectBuilder();
        envelopes.forEach((bidKey, envelope) -> {
            KeyShare share = ShareCipher.decrypt(envelope, index, holder.getPrivate(), (ECPublicKey) holder.getPublic());
            shares.add(bidKey, Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes()));
        });
        ledger.postShares(TENDER_KEY, Json.createObjectBuilder()
                .add("holderIndex", index)
                .add("msp", HOLDER_MSPS.get(index - 1))
                .add("shares", shares)
                .add("submitter", Json.createObjectBuilder().add("mspId", HOLDER_MSPS.get(index - 1)).add("subject", "holder" + index))
                .add("tenderKey", TENDER_KEY)
                .add("txId", txId("shares " + index))
                .add("txTime", DEADLINE.plusSeconds(600L * index).toString())
                .build());
    }

    /** {@code OpenBid}: lodged → opened or invalid, with the opening's result. */
    void recordResult(int n, boolean valid, String price, String reason, String supplierId) {
        String bidKey = "bid:" + OCID + ":" + n;
        JsonObject result = Json.createObjectBuilder()
                .add("currency", valid ? Json.createValue("BTN") : JsonValue.NULL)
                .add("price", valid ? Json.createValue(price) : JsonValue.NULL)
                .add("reason", valid ? JsonValue.NULL : Json.createValue(reason))
                .add("supplierId", supplierId)
                .add("supplierSalt", "salt" + n)
                .add("valid", valid)
                .build();
        SealedEnvelope envelope = envelopes.get(bidKey);
        ledger.write(bidKey, "bid", 2, sha256("opened " + n), valid ? "opened" : "invalid", txId("open " + n),
                DEADLINE.plusSeconds(7200), block++, List.of("ProcurementMSP"), Json.createObjectBuilder()
                        .add("envelopeHash", envelope.sha256Hex())
                        .add("result", result)
                        .add("shareHashes", Json.createArrayBuilder(envelope.shares().stream().map(SealedEnvelope.Share::shareSha256).toList()))
                        .add("supplierCommitment", sha256(TENDER_KEY + ":" + supplierId + ":salt" + n))
                        .add("tenderKey", TENDER_KEY)
                        .build());
    }

    /**
     * Bid 1 valid; bid 2's stored envelope altered after lodging; bid 3 sealed by supplier 2 naming
     * itself, while the ledger's opening says supplier 3 lodged it.
     */
    void threeBids() throws IOException {
        publishSealedTender(2);
        store(lodge(1, bid(SUPPLIER_1, "1250000.00"), 2));
        SealedEnvelope tampered = lodge(2, bid(SUPPLIER_2, "1190000.00"), 2);
        String text = tampered.toCanonicalJson();
        int at = text.indexOf("\"ciphertext\":\"") + "\"ciphertext\":\"".length();
        String altered = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        Files.writeString(ciphertexts.resolve(tampered.sha256Hex() + ".json"), altered);
        store(lodge(3, bid(SUPPLIER_2, "1100000.00"), 2));
    }

    static final List<String> THREE_LINES = List.of(
            "bid:ocds-drk001-2026-0007:1 valid 1250000.00 BTN",
            "bid:ocds-drk001-2026-0007:2 invalid hash-mismatch",
            "bid:ocds-drk001-2026-0007:3 invalid malformed");

    @Nested
    class AnOpenedTender {

        @Test
        void printsOneLinePerBidInKeyOrderAndExitsZeroWhenTheLedgerAgrees() throws IOException {
            threeBids();
            post(1);
            post(3);
            recordResult(1, true, "1250000.00", null, SUPPLIER_1);
            recordResult(2, false, null, "hash-mismatch", SUPPLIER_2);
            recordResult(3, false, null, "malformed", SUPPLIER_3);

            Run run = openTender();

            assertEquals(THREE_LINES, run.lines(), run.err());
            assertEquals(OpenTender.ALL_JUDGED, run.status(), run.err());
            assertTrue(run.err().contains("2 of 3 holders have posted their shares (2 needed)"), run.err());
            assertTrue(run.err().contains("bid:ocds-drk001-2026-0007:3: the bid names supplier " + SUPPLIER_2 + " but was lodged by "
                    + SUPPLIER_3), run.err());
            assertTrue(run.err().contains("3 results recorded on the ledger, 0 of them disagree"), run.err());
            assertFalse(run.err().contains("DISAGREES"), run.err());
            assertTrue(ledger.closed);
        }

        @Test
        void beforeTheResultsAreRecordedJudgesWithoutKnowingTheSupplier() throws IOException {
            threeBids();
            post(2);
            post(3);

            Run run = openTender();

            // Sealed by supplier 2 naming itself: without the ledger's result nothing says another lodged it.
            assertEquals(List.of(THREE_LINES.get(0), THREE_LINES.get(1), "bid:ocds-drk001-2026-0007:3 valid 1100000.00 BTN"),
                    run.lines(), run.err());
            assertEquals(OpenTender.ALL_JUDGED, run.status(), run.err());
        }

        @Test
        void aResultOnTheLedgerThatIsNotTheOneRecomputedDisagreesWithItsOwnExitStatus() throws IOException {
            threeBids();
            post(1);
            post(2);
            recordResult(1, true, "950000.00", null, SUPPLIER_1);
            recordResult(2, true, "1190000.00", null, SUPPLIER_2);
            recordResult(3, false, null, "malformed", SUPPLIER_3);

            Run run = openTender();

            assertEquals(THREE_LINES, run.lines(), run.err());
            assertEquals(OpenTender.DISAGREES, run.status(), run.err());
            assertEquals(List.of(
                    "DISAGREES bid:ocds-drk001-2026-0007:1: ledger says valid 950000.00 BTN, recomputed valid 1250000.00 BTN",
                    "DISAGREES bid:ocds-drk001-2026-0007:2: ledger says valid 1190000.00 BTN, recomputed invalid hash-mismatch"),
                    run.err().lines().filter(l -> l.startsWith("DISAGREES")).toList());
        }

        @Test
        void aMissingEnvelopeIsALineOfItsOwnAndTheOthersAreStillJudged() throws IOException {
            threeBids();
            post(1);
            post(2);
            Files.delete(ciphertexts.resolve(envelopes.get("bid:" + OCID + ":1").sha256Hex() + ".json"));

            Run run = openTender();

            assertEquals(List.of("bid:ocds-drk001-2026-0007:1 missing-ciphertext", THREE_LINES.get(1),
                    "bid:ocds-drk001-2026-0007:3 valid 1100000.00 BTN"), run.lines(), run.err());
            assertEquals(OpenTender.NOT_ALL_JUDGED, run.status(), run.err());
            assertTrue(run.err().contains("no such file"), run.err());
        }
    }

    @Nested
    class TooFewHolders {

        @Test
        void oneHolderOfTheTwoNeededLeavesEveryBidWithTooFewShares() throws IOException {
            publishSealedTender(2);
            store(lodge(1, bid(SUPPLIER_1, "1250000.00"), 2));
            store(lodge(2, bid(SUPPLIER_2, "1190000.00"), 2));
            post(3);

            Run run = openTender();

            assertEquals(List.of("bid:ocds-drk001-2026-0007:1 too-few-shares", "bid:ocds-drk001-2026-0007:2 too-few-shares"),
                    run.lines(), run.err());
            assertEquals(OpenTender.NOT_ALL_JUDGED, run.status(), run.err());
        }

        @Test
        void noHolderYetSaysSoAndPrintsNoLine() throws IOException {
            publishSealedTender(2);
            store(lodge(1, bid(SUPPLIER_1, "1250000.00"), 2));

            Run run = openTender();

            assertEquals("", run.out());
            assertEquals(OpenTender.NOT_ALL_JUDGED, run.status(), run.err());
            assertTrue(run.err().contains("0 of 2 holders have posted"), run.err());
        }
    }

    @Nested
    class CannotOpen {

        @Test
        void aTenderTheLedgerDoesNotHold() {
            Run run = openTender();
            assertEquals(OpenTender.CANNOT_CHECK, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().contains("has no " + TENDER_KEY), run.err());
        }

        @Test
        void aCommitRevealTender() {
            ledger.write(TENDER_KEY, "tender", 1, sha256("tender v1"), "active.tendering", txId("publish"), DEADLINE, block++,
                    List.of("ProcurementMSP"), Json.createObjectBuilder().add("bidDeadline", DEADLINE.toString()).build());
            Run run = openTender();
            assertEquals(OpenTender.CANNOT_CHECK, run.status());
            assertTrue(run.err().contains(TENDER_KEY + " is not a sealed tender"), run.err());
            assertEquals(List.of("GetRecord " + TENDER_KEY), ledger.calls);
        }

        @Test
        void aPeerThatStopsAnsweringLeavesNoHalfReport() throws IOException {
            threeBids();
            post(1);
            post(2);
            ledger.failure = new LedgerReadException("cannot read GetRecord from the fake peer (UNAVAILABLE)");
            Run run = openTender();
            assertEquals(OpenTender.CANNOT_CHECK, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().contains("UNAVAILABLE"), run.err());
        }

        @Test
        void argumentsItCannotUse() {
            assertEquals(OpenTender.CANNOT_CHECK, DrukVerify.run(new String[] {"open-tender"}, sink(), sink(), null));
            assertEquals(OpenTender.CANNOT_CHECK, DrukVerify.run(new String[] {"open-tender", "tender-7", "--ciphertexts", "."},
                    sink(), sink(), null));
            Run run = openTender("--proof", "p.json");
            assertEquals(OpenTender.CANNOT_CHECK, run.status());
            assertTrue(run.err().contains("unknown option --proof"), run.err());
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(OpenTender.CANNOT_CHECK, DrukVerify.run(new String[] {"open-tender", OCID, "--ciphertexts",
                    ciphertexts.resolve("absent").toString(), "--connection", "c.json", "--identity", "inspector"}, sink(),
                    new PrintStream(err, true, StandardCharsets.UTF_8), null));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the connection file"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void itsHelpIsTheUsageNamingTheCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(OpenTender.ALL_JUDGED, DrukVerify.run(new String[] {"open-tender", "--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8), sink(), null));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("druk-verify.jar open-tender OCID --ciphertexts DIR PEER"));
    }

    static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String txId(String seed) {
        return sha256("tx " + seed);
    }
}
