package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.JUSTICE_ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_INSPECTOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sealed opening (issue 25): a sealed tender's bids are encrypted to k-of-n opening key holders,
 * lodged as envelope hashes, opened once k holders posted their shares after the deadline. The
 * tender, envelope hash, share hashes and shares are the first case of the envelope format's fixed
 * vectors (docs/sealed-envelope.md §7, {@code src/test/resources/sealed-envelope/vectors.json}): 3
 * holders, any 2 open.
 */
class SealedOpeningTest {
    static final String OCID = "ocds-drk001-T-2026-0042";
    static final String TENDER = "tender:" + OCID;
    static final String T1 = h("sealed tender v1");
    /** One day after T0. */
    static final String DEADLINE = "2026-03-02T08:00:00Z";
    /** The vector holders' publicKeySha256 (SHA-256 of their SPKI DER). */
    static final List<String> KEY_HASHES = List.of(
            "d635969bb48fc8e2ce0cd4aab665d2a8dba8490baa52cda56eb48bf04bcd5c9e",
            "1bde1c8db212808dbd7912ea7759da0e1827b0482fb106f1cdc339788c571bbc",
            "c078789f859d01d6f171ae5097ddfbc6dc0ac20bb9e45374f0cdb90664ba79ff");
    /** Holder 1 of the procurement agency, 2 of the auditor, 3 of Justice; any two open. */
    static final String OPENING = opening(2, "ProcurementMSP", "AuditMSP", "JusticeMSP");

    /** The vector's bid: its envelope hash and the shareSha256 of its three shares. */
    static final String BID1 = "bid:" + OCID + ":1";
    static final String ENVELOPE1 = "0482d213aa93fdb0539fd182e8b1d49c6f52e0ca6392e05cc9174e036a360729";
    static final List<String> SHARE_HASHES1 = List.of(
            "a9809a4802472b7ce8523a7ed4c2021357ad4fa17f013c415115b029fb2f61ff",
            "fcec9490d3dffe9be1cd164aeb7401de5f83585e4f475feb3e82d6d7c968445d",
            "41e4834a8771c83de3794e58537ce0a1eabea8dd68628d6eb6841ecd67246d96");
    /** The vector's plaintext shares as holders post them (33 bytes, base64url). */
    static final List<String> SHARES1 = List.of("AZthOKfx-4sbi04CWmIUpDNhN9Qu4Mg4cvXptCqXKArz",
            "ArFxpFKXOAWfIjlzcOEtHRWqrzlXGjbwau9DfdFL0A7P", "A16I0AG1eX_jRRRcn2k6g_4aLmKJTJVBYhAlOnH2cfvb");
    static final String BID2 = "bid:" + OCID + ":2";
    static final String BID3 = "bid:" + OCID + ":3";
    static final String SUPPLIER1 = "CDB-2291";
    static final String SALT1 = "k3Jv9mQ1xZ8pL0sT4wYbNa";
    static final String SUPPLIER_COMMIT1 = Hashes.sha256Hex(TENDER + ":" + SUPPLIER1 + ":" + SALT1);
    static final String SUPPLIER2 = "TL/THI/2019/0042";
    static final String SALT2 = "Qm7-s2_Xv";
    static final String SUPPLIER_COMMIT2 = Hashes.sha256Hex(TENDER + ":" + SUPPLIER2 + ":" + SALT2);

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    static String opening(int k, String... msps) {
        StringBuilder sb = new StringBuilder("{\"threshold\":" + k + ",\"holders\":[");
        for (int i = 0; i < msps.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"msp\":\"").append(msps[i]).append("\",\"keyHash\":\"")
                    .append(i < KEY_HASHES.size() ? KEY_HASHES.get(i) : h("holder key " + i)).append("\"}");
        }
        return sb.append("]}").toString();
    }

    void publish() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, T1, "THIMPHU", DEADLINE, OPENING));
    }

    /**
     * Share {@code index} of a synthetic bid, as a holder posts it: 33 bytes, the x-coordinate and
     * 32 bytes standing for f_0(x) … f_31(x), base64url without padding. The chaincode only hashes it.
     */
    static byte[] shareBytes(int index, String bid) {
        byte[] y = java.util.HexFormat.of().parseHex(h("share " + index + " of " + bid));
        byte[] share = new byte[33];
        share[0] = (byte) index;
        System.arraycopy(y, 0, share, 1, 32);
        return share;
    }

    static String share(int index, String bid) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(shareBytes(index, bid));
    }

    /** The envelope's shareSha256 of each of the n shares of a synthetic bid. */
    static List<String> shareHashes(String bid, int n) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Hashes.sha256Hex(shareBytes(i, bid)));
        }
        return out;
    }

    String lodge(String bidKey, String envelopeHash, String supplierCommitment, List<String> hashes) {
        return hx.submit(PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, bidKey, TENDER, envelopeHash, supplierCommitment,
                Json.string(hashes), "THIMPHU"));
    }

    /** The vector's bid by supplier 1, and a synthetic one by supplier 2. */
    void lodgeTwo() {
        lodge(BID1, ENVELOPE1, SUPPLIER_COMMIT1, SHARE_HASHES1);
        lodge(BID2, h("envelope 2"), SUPPLIER_COMMIT2, shareHashes(BID2, 3));
    }

    String withdraw(String bidKey) {
        Harness.Step s = hx.step(bidKey);
        return hx.submit(PROCUREMENT_CLERK, c -> cc.withdrawBid(c, bidKey, s.version(), s.hash(), s.previousHash()));
    }

    /** Holder i's shares of BID1 (the vector's) and BID2, as sharesJson. */
    static String sharesOf(int holder) {
        return Json.string(new java.util.TreeMap<>(Map.of(BID1, SHARES1.get(holder - 1), BID2, share(holder, BID2))));
    }

    static TestIdentities.Identity staffOfHolder(int holder) {
        return switch (holder) {
            case 1 -> PROCUREMENT_INSPECTOR;
            case 2 -> INSPECTOR;
            case 3 -> JUSTICE_ADMIN;
            default -> throw new IllegalArgumentException("holder " + holder);
        };
    }

    String post(int holder) {
        return hx.submit(staffOfHolder(holder), c -> cc.postOpeningShares(c, TENDER, Integer.toString(holder), sharesOf(holder)));
    }

    RegistryException refusedPost(ErrorCode code, TestIdentities.Identity who, int holder, String sharesJson) {
        return hx.refused(code, who, c -> cc.postOpeningShares(c, TENDER, Integer.toString(holder), sharesJson));
    }

    String sharesKey(int holder) {
        return new org.hyperledger.fabric.shim.ledger.CompositeKey("openingshares", TENDER, Integer.toString(holder)).toString();
    }

    String supplierIndexKey(String supplierCommitment) {
        return new org.hyperledger.fabric.shim.ledger.CompositeKey("supplierbid", TENDER, supplierCommitment).toString();
    }

    String tenderIndexKey(String bidKey) {
        return new org.hyperledger.fabric.shim.ledger.CompositeKey("tenderbid", TENDER, bidKey).toString();
    }

    @Nested
    class PublishSealedTender {
        @Test
        void recordsTheOpeningBesideWhatPublishTenderRecords() {
            String result = hx.submit(PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, TENDER, T1, "THIMPHU", "2026-03-02T14:00:00+06:00", OPENING));
            LedgerEntry t = hx.entry(TENDER);
            assertEquals(hx.fabric.stateText(TENDER), result);
            assertEquals("tender", t.kind());
            assertEquals("active.tendering", t.status());
            assertEquals(DEADLINE, t.text("bidDeadline"));
            assertNull(t.text("awardedBid"));
            assertTrue(t.fields().containsKey("unsuccessfulReason"));
            assertEquals(true, t.fields().get("sealed"));
            assertEquals(Map.of("threshold", 2, "holders", List.of(
                    Map.of("msp", "ProcurementMSP", "keyHash", KEY_HASHES.get(0)),
                    Map.of("msp", "AuditMSP", "keyHash", KEY_HASHES.get(1)),
                    Map.of("msp", "JusticeMSP", "keyHash", KEY_HASHES.get(2)))), t.object("opening"));
            assertTrue(result.contains("\"opening\":{\"holders\":[{\"keyHash\":\"" + KEY_HASHES.get(0)
                    + "\",\"msp\":\"ProcurementMSP\"},"), result);
            assertTrue(hx.lastEvent().payloadText().contains("\"kind\":\"tender\""));
            assertTrue(hx.fabric.validationParameters.containsKey(TENDER));
        }

        @Test
        void aCommitRevealTenderHasNeitherField() {
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, TENDER, T1, "THIMPHU", DEADLINE));
            assertEquals(false, hx.entry(TENDER).fields().containsKey("sealed"));
            assertEquals(false, hx.entry(TENDER).fields().containsKey("opening"));
        }

        @Test
        void theChecksOfPublishTenderApply() {
            publish();
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, TENDER, T1, "THIMPHU", DEADLINE, OPENING));
            hx.refused(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, TENDER, h("other"), "THIMPHU", DEADLINE, OPENING));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "2026-03-01T08:00:00Z", OPENING));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "2026-03-05", OPENING));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, "bid:ocds-x-2:1", h("t"), "THIMPHU", DEADLINE, OPENING));
            hx.refused(ErrorCode.WRONG_REGISTER, LAND_CLERK,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", DEADLINE, OPENING));
            hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", DEADLINE, OPENING));
        }

        @Test
        void kOfNFromTwoToTen() {
            String[] ten = new String[10];
            for (int i = 0; i < 10; i++) {
                ten[i] = i % 2 == 0 ? "ProcurementMSP" : "AuditMSP";
            }
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, "tender:ocds-x-10", h("t10"), "THIMPHU", DEADLINE,
                    opening(10, ten)));
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, "tender:ocds-x-2", h("t2"), "THIMPHU", DEADLINE,
                    opening(2, "LandMSP", "JusticeMSP")));
            assertEquals(10, Opening.of(hx.entry("tender:ocds-x-10")).orElseThrow().n());
            assertEquals(2, Opening.of(hx.entry("tender:ocds-x-2")).orElseThrow().threshold());
        }

        RegistryException refusedOpening(String openingJson) {
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, TENDER, T1, "THIMPHU", DEADLINE, openingJson));
            assertTrue(e.getMessage().contains("openingJson"), e.getMessage());
            return e;
        }

        @Test
        void theThresholdIsFromTwoToN() {
            refusedOpening(opening(1, "ProcurementMSP", "AuditMSP", "JusticeMSP"));
            refusedOpening(opening(4, "ProcurementMSP", "AuditMSP", "JusticeMSP"));
            refusedOpening(OPENING.replace("\"threshold\":2", "\"threshold\":2.0"));
            refusedOpening(OPENING.replace("\"threshold\":2", "\"threshold\":\"2\""));
            refusedOpening(OPENING.replace("\"threshold\":2", "\"threshold\":4294967298"));
        }

        @Test
        void twoToTenHolders() {
            refusedOpening(opening(2, "ProcurementMSP"));
            String[] eleven = new String[11];
            for (int i = 0; i < 11; i++) {
                eleven[i] = i % 2 == 0 ? "ProcurementMSP" : "AuditMSP";
            }
            refusedOpening(opening(2, eleven));
            refusedOpening("{\"threshold\":2,\"holders\":{}}");
        }

        @Test
        void everyHolderIsOfTheConsortiumAndTheyAreOfAtLeastTwoOrganisations() {
            RegistryException e = refusedOpening(opening(2, "ProcurementMSP", "OrdererMSP"));
            assertTrue(e.getMessage().contains("holder 2: msp must be one of [AuditMSP, JusticeMSP, LandMSP, ProcurementMSP]"),
                    e.getMessage());
            refusedOpening(opening(2, "ProcurementMSP", "auditmsp"));
            e = refusedOpening(opening(2, "ProcurementMSP", "ProcurementMSP", "ProcurementMSP"));
            assertTrue(e.getMessage().contains("at least two organisations"), e.getMessage());
        }

        @Test
        void keyHashesAreDistinctLowercaseHexSha256() {
            refusedOpening(OPENING.replace(KEY_HASHES.get(1), KEY_HASHES.get(1).toUpperCase()));
            refusedOpening(OPENING.replace(KEY_HASHES.get(1), KEY_HASHES.get(1).substring(1)));
            RegistryException e = refusedOpening(OPENING.replace(KEY_HASHES.get(2), KEY_HASHES.get(0)));
            assertTrue(e.getMessage().contains("holder 3: keyHash"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "null", "[]", "{}", "{\"threshold\":2}", "not json",
            "{\"threshold\":2,\"holders\":[{\"msp\":\"ProcurementMSP\",\"keyHash\":\"x\"}],\"extra\":1}",
            "{\"threshold\":2,\"threshold\":2,\"holders\":[]}",
            "{\"threshold\":2,\"holders\":[{\"msp\":\"ProcurementMSP\"},{\"msp\":\"AuditMSP\"}]}",
            "{\"threshold\":2,\"holders\":[\"ProcurementMSP\",\"AuditMSP\"]}"})
        void malformedOpeningsAreRefused(String openingJson) {
            refusedOpening(openingJson);
        }

        @Test
        void missingAndOversizedOpeningsAreRefused() {
            refusedOpening(null);
            refusedOpening(OPENING.replace("]}", "]" + " ".repeat(5000) + "}"));
            refusedOpening(OPENING + " {}");
            refusedOpening(OPENING.replace("{\"msp\":\"AuditMSP\",", "{\"msp\":\"AuditMSP\",\"name\":\"Dasho\","));
        }
    }

    @Nested
    class LodgeSealedBid {
        @BeforeEach
        void tender() {
            publish();
        }

        @Test
        void lodgesTheEnvelopeHashWithTheSupplierCommitmentAndShareHashes() {
            hx.advance(Duration.ofHours(23));
            String result = lodge(BID1, ENVELOPE1, SUPPLIER_COMMIT1, SHARE_HASHES1);
            LedgerEntry b = hx.entry(BID1);
            assertEquals(hx.fabric.stateText(BID1), result);
            assertEquals("bid", b.kind());
            assertEquals(1, b.version());
            assertEquals("lodged", b.status());
            assertEquals(ENVELOPE1, b.hash());
            assertEquals(ENVELOPE1, b.text("envelopeHash"));
            assertEquals(TENDER, b.text("tenderKey"));
            assertEquals(SUPPLIER_COMMIT1, b.text("supplierCommitment"));
            assertEquals(SHARE_HASHES1, b.list("shareHashes"));
            assertTrue(b.fields().containsKey("result"));
            assertNull(b.object("result"));
            assertTrue(hx.lastEvent().payloadText().contains("\"key\":\"" + BID1 + "\""));
            assertEquals("[{\"key\":\"" + BID1 + "\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, ENVELOPE1)));
            // the indexes: the supplier's live bid, the tender's bids; both under the procurement agency's and the auditor's policy
            assertEquals("{\"bidKey\":\"" + BID1 + "\"}", hx.fabric.stateText(supplierIndexKey(SUPPLIER_COMMIT1)));
            assertEquals("{\"bidKey\":\"" + BID1 + "\"}", hx.fabric.stateText(tenderIndexKey(BID1)));
            assertArrayEquals(hx.fabric.validationParameters.get(BID1),
                    hx.fabric.validationParameters.get(supplierIndexKey(SUPPLIER_COMMIT1)));
            assertArrayEquals(hx.fabric.validationParameters.get(BID1), hx.fabric.validationParameters.get(tenderIndexKey(BID1)));
        }

        @Test
        void aRetryIsAlreadyRecordedEvenAfterTheDeadlineAndAnotherEnvelopeAlreadyExists() {
            lodge(BID1, ENVELOPE1, SUPPLIER_COMMIT1, SHARE_HASHES1);
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1,
                    SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.refused(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, h("other"),
                    SUPPLIER_COMMIT2, Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.advance(Duration.ofDays(2));
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1,
                    SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
        }

        @Test
        void aSupplierHasOneLiveBidAndMayLodgeAgainAfterWithdrawing() {
            lodge(BID1, ENVELOPE1, SUPPLIER_COMMIT1, SHARE_HASHES1);
            RegistryException e = hx.refused(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID2, TENDER,
                    h("envelope 2"), SUPPLIER_COMMIT1, Json.string(shareHashes(BID2, 3)), "THIMPHU"));
            assertTrue(e.getMessage().contains("supplier already has a bid on this tender"), e.getMessage());
            assertTrue(e.getMessage().contains("withdraw it first"), e.getMessage());
            // another supplier is not held up
            lodge(BID2, h("envelope 2"), SUPPLIER_COMMIT2, shareHashes(BID2, 3));
            withdraw(BID1);
            lodge(BID3, h("envelope 3"), SUPPLIER_COMMIT1, shareHashes(BID3, 3));
            assertEquals("lodged", hx.entry(BID3).status());
            assertEquals("{\"bidKey\":\"" + BID3 + "\"}", hx.fabric.stateText(supplierIndexKey(SUPPLIER_COMMIT1)));
        }

        @Test
        void atTheDeadlineItIsTooLate() {
            hx.advance(Duration.ofDays(1));
            RegistryException e = hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            assertTrue(e.getMessage().contains(DEADLINE), e.getMessage());
        }

        @Test
        void aLateBidFromABackDatedClientIsClockSkew() {
            hx.advance(Duration.ofDays(1).plusSeconds(10));
            hx.clientOffset = Duration.ofMinutes(-2);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1,
                    SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
        }

        @Test
        void onlyOnAnOpenSealedTenderOfTheBidsOwnOcid() {
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, "bid:ocds-other:1", TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, "bid:ocds-none:1", "tender:ocds-none",
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            String plain = "tender:ocds-plain";
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, plain, h("plain"), "THIMPHU", DEADLINE));
            RegistryException e = hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c,
                    "bid:ocds-plain:1", plain, ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            assertTrue(e.getMessage().contains("is not a sealed tender (PublishSealedTender): it takes no bids"), e.getMessage());
            Harness.Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1,
                    SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
        }

        @Test
        void oneShareHashPerHolder() {
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1.subList(0, 2)), "THIMPHU"));
            assertTrue(e.getMessage().contains("has 3 opening key holders"), e.getMessage());
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(shareHashes(BID1, 4)), "THIMPHU"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "[]", "{}", "not json", "[\"a9809a48\"]",
            "[\"A9809A4802472B7CE8523A7ED4C2021357AD4FA17F013C415115B029FB2F61FF\",\"fcec9490d3dffe9be1cd164aeb7401de5f83585e4f475feb3e82d6d7c968445d\"]",
            "[\"a9809a4802472b7ce8523a7ed4c2021357ad4fa17f013c415115b029fb2f61ff\",\"a9809a4802472b7ce8523a7ed4c2021357ad4fa17f013c415115b029fb2f61ff\"]",
            "[\"a9809a4802472b7ce8523a7ed4c2021357ad4fa17f013c415115b029fb2f61ff\",1]"})
        void malformedShareHashesAreRefused(String shareHashesJson) {
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, shareHashesJson, "THIMPHU"));
            assertTrue(e.getMessage().contains("shareHashesJson"), e.getMessage());
        }

        @Test
        void hashesAndKeysAreChecked() {
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, "CDB-2291", Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1.toUpperCase(), SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, TENDER, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "Thimphu office"));
            hx.refused(ErrorCode.WRONG_REGISTER, LAND_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
        }
    }

    @Nested
    class WithdrawBid {
        @BeforeEach
        void tenderWithTwoBids() {
            publish();
            lodgeTwo();
        }

        @Test
        void aLodgedBidIsWithdrawnBeforeTheDeadline() {
            hx.advance(Duration.ofHours(23));
            Harness.Step s = hx.step(BID1);
            String result = withdraw(BID1);
            LedgerEntry b = hx.entry(BID1);
            assertEquals(hx.fabric.stateText(BID1), result);
            assertEquals("withdrawn", b.status());
            assertEquals(2, b.version());
            assertEquals(s.hash(), b.hash());
            assertEquals(ENVELOPE1, b.previousHash());
            assertEquals(SUPPLIER_COMMIT1, b.text("supplierCommitment"));
            assertEquals(SHARE_HASHES1, b.list("shareHashes"));
            assertNull(hx.fabric.stateText(supplierIndexKey(SUPPLIER_COMMIT1)), "the supplier may lodge again");
            assertTrue(hx.fabric.stateText(tenderIndexKey(BID1)) != null, "the bid stays listed under its tender");
            assertTrue(hx.fabric.stateText(supplierIndexKey(SUPPLIER_COMMIT2)) != null);
            assertTrue(hx.lastEvent().payloadText().contains("\"version\":2"));
            // a retry is harmless; a second withdrawal is not one
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK,
                    c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
            Harness.Step s2 = hx.step(BID1);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.withdrawBid(c, BID1, s2.version(), s2.hash(), s2.previousHash()));
        }

        @Test
        void atOrAfterTheDeadlineItIsTooLate() {
            hx.advance(Duration.ofDays(1));
            Harness.Step s = hx.step(BID1);
            RegistryException e = hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK,
                    c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
            assertTrue(e.getMessage().contains("only before the bid deadline " + DEADLINE), e.getMessage());
            hx.advance(Duration.ofDays(3));
            hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK,
                    c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
        }

        @Test
        void aLateWithdrawalFromABackDatedClientIsClockSkew() {
            hx.advance(Duration.ofDays(1).plusSeconds(5));
            hx.clientOffset = Duration.ofSeconds(-60);
            Harness.Step s = hx.step(BID1);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
        }

        @Test
        void updateGuard() {
            Harness.Step s = hx.step(BID1);
            hx.refused(ErrorCode.STALE_VERSION, PROCUREMENT_CLERK, c -> cc.withdrawBid(c, BID1, "3", s.hash(), s.previousHash()));
            hx.refused(ErrorCode.HASH_MISMATCH, PROCUREMENT_CLERK, c -> cc.withdrawBid(c, BID1, "2", s.hash(), h("not current")));
            hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK, c -> cc.withdrawBid(c, BID3, "2", s.hash(), h("v1")));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, c -> cc.withdrawBid(c, TENDER, "2", s.hash(), T1));
            hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR, c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class PostOpeningShares {
        @BeforeEach
        void twoBidsAndAWithdrawnOne() {
            publish();
            lodgeTwo();
            lodge(BID3, h("envelope 3"), h("supplier 3"), shareHashes(BID3, 3));
            withdraw(BID3);
            hx.advance(Duration.ofDays(1));
        }

        @Test
        void aHolderPostsItsSharesOfEveryBidNotWithdrawnFromTheDeadline() {
            int events = hx.fabric.events.size();
            LedgerEntry tenderBefore = hx.entry(TENDER);
            String result = post(1);
            assertEquals(hx.fabric.stateText(sharesKey(1)), result);
            assertEquals("{\"holderIndex\":1,\"msp\":\"ProcurementMSP\",\"shares\":{\"" + BID1 + "\":\"" + SHARES1.get(0)
                    + "\",\"" + BID2 + "\":\"" + share(1, BID2) + "\"},\"submitter\":{\"mspId\":\"ProcurementMSP\","
                    + "\"subject\":\"procurement.opener\"},\"tenderKey\":\"" + TENDER + "\",\"txId\":\"" + hx.fabric.history
                    .get(sharesKey(1)).get(0).txId() + "\",\"txTime\":\"" + DEADLINE + "\"}", result);
            assertEquals(events, hx.fabric.events.size(), "shares are no record version: no RecordWritten");
            assertEquals(tenderBefore, hx.entry(TENDER), "the tender's status does not change");
            assertArrayEquals(hx.fabric.validationParameters.get(TENDER), hx.fabric.validationParameters.get(sharesKey(1)));
            // any staff role of the holder's organisation: a clerk, an inspector, an admin
            post(2);
            post(3);
            assertEquals("[" + hx.fabric.stateText(sharesKey(1)) + "," + hx.fabric.stateText(sharesKey(2)) + ","
                    + hx.fabric.stateText(sharesKey(3)) + "]", hx.evaluate(INSPECTOR, c -> cc.getOpeningShares(c, TENDER)));
        }

        @Test
        void theShareHashIsSha256OfThe33PlaintextBytes() {
            // the envelope's shareSha256 (docs/sealed-envelope.md §3 step 5) over the posted share, base64url-decoded
            byte[] share = java.util.Base64.getUrlDecoder().decode(SHARES1.get(1));
            assertEquals(33, share.length);
            assertEquals(2, share[0]);
            assertEquals(SHARE_HASHES1.get(1), SealedOpeningRules.shareHash(share));
            assertEquals(SHARE_HASHES1.get(1), Hashes.sha256Hex(share));
        }

        @Test
        void aClerkOfTheHoldersOrganisationMayPostToo() {
            hx.submit(PROCUREMENT_CLERK, c -> cc.postOpeningShares(c, TENDER, "1", sharesOf(1)));
            assertTrue(hx.fabric.stateText(sharesKey(1)).contains("\"subject\":\"procurement.clerk\""));
        }

        @Test
        void aRetryIsAlreadyRecordedAndOtherSharesAlreadyExist() {
            post(1);
            refusedPost(ErrorCode.ALREADY_RECORDED, PROCUREMENT_INSPECTOR, 1, sharesOf(1));
            // the same shares in another member order are the same shares
            refusedPost(ErrorCode.ALREADY_RECORDED, PROCUREMENT_INSPECTOR, 1,
                    "{\"" + BID2 + "\":\"" + share(1, BID2) + "\",\"" + BID1 + "\":\"" + SHARES1.get(0) + "\"}");
            RegistryException e = refusedPost(ErrorCode.ALREADY_EXISTS, PROCUREMENT_INSPECTOR, 1,
                    Json.string(new java.util.TreeMap<>(Map.of(BID1, SHARES1.get(0)))).replace("}", ",\"" + BID2 + "\":null}"));
            assertTrue(e.getMessage().contains("holder 1 has already posted"), e.getMessage());
        }

        @Test
        void notBeforeTheDeadline() {
            hx.advance(Duration.ofSeconds(-1));
            RegistryException e = refusedPost(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_INSPECTOR, 1, sharesOf(1));
            assertTrue(e.getMessage().contains(DEADLINE), e.getMessage());
        }

        @Test
        void notFromAPostDatedClientBeforeTheDeadline() {
            hx.advance(Duration.ofMinutes(-10));
            hx.clientOffset = Duration.ofMinutes(11);
            RegistryException e = refusedPost(ErrorCode.CLOCK_SKEW, PROCUREMENT_INSPECTOR, 1, sharesOf(1));
            assertTrue(e.getMessage().contains("ahead of the endorser's clock"), e.getMessage());
            hx.clientOffset = Duration.ZERO;
            refusedPost(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_INSPECTOR, 1, sharesOf(1));
        }

        @Test
        void onlyStaffOfTheHoldersOrganisation() {
            RegistryException e = refusedPost(ErrorCode.ACCESS_DENIED, LAND_CLERK, 1, sharesOf(1));
            assertTrue(e.getMessage().contains("holder 1 of tender " + TENDER.substring(7) + " is of ProcurementMSP"), e.getMessage());
            e = refusedPost(ErrorCode.ACCESS_DENIED, PROCUREMENT_INSPECTOR, 2, sharesOf(2));
            assertTrue(e.getMessage().contains("is of AuditMSP"), e.getMessage());
            refusedPost(ErrorCode.ACCESS_DENIED, INSPECTOR, 3, sharesOf(3));
            e = refusedPost(ErrorCode.ACCESS_DENIED, TestIdentities.CITIZEN, 1, sharesOf(1));
            assertTrue(e.getMessage().contains("no role"), e.getMessage());
        }

        @Test
        void aWrongShareIsRefusedNamingItsBid() {
            String swapped = Json.string(new java.util.TreeMap<>(Map.of(BID1, share(1, BID2), BID2, SHARES1.get(0))));
            RegistryException e = refusedPost(ErrorCode.COMMITMENT_MISMATCH, PROCUREMENT_INSPECTOR, 1, swapped);
            assertTrue(e.getMessage().contains("[" + BID1 + ", " + BID2 + "]"), e.getMessage());
            String oneWrong = Json.string(new java.util.TreeMap<>(Map.of(BID1, SHARES1.get(0), BID2, share(1, BID3))));
            e = refusedPost(ErrorCode.COMMITMENT_MISMATCH, PROCUREMENT_INSPECTOR, 1, oneWrong);
            assertTrue(e.getMessage().contains("[" + BID2 + "]"), e.getMessage());
            // another holder's share of the right bid: its x-coordinate says so
            String holder2s = Json.string(new java.util.TreeMap<>(Map.of(BID1, SHARES1.get(1), BID2, share(1, BID2))));
            e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 1, holder2s);
            assertTrue(e.getMessage().contains("[" + BID1 + "] are not share 1"), e.getMessage());
        }

        @Test
        void exactlyTheBidsNotWithdrawn() {
            RegistryException e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 1,
                    Json.string(Map.of(BID1, SHARES1.get(0))));
            assertTrue(e.getMessage().contains("missing: [" + BID2 + "]; not such bids: []"), e.getMessage());
            e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 1, Json.string(new java.util.TreeMap<>(
                    Map.of(BID1, SHARES1.get(0), BID2, share(1, BID2), BID3, share(1, BID3)))));
            assertTrue(e.getMessage().contains("missing: []; not such bids: [" + BID3 + "]"), e.getMessage());
            String foreign = "bid:ocds-other:1";
            e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 1, Json.string(new java.util.TreeMap<>(
                    Map.of(BID1, SHARES1.get(0), foreign, share(1, foreign)))));
            assertTrue(e.getMessage().contains("missing: [" + BID2 + "]; not such bids: [" + foreign + "]"), e.getMessage());
        }

        @Test
        void aHolderWhoCannotDecryptItsShareOfABidSaysSoWithNull() {
            String shares = "{\"" + BID1 + "\":\"" + SHARES1.get(0) + "\",\"" + BID2 + "\":null}";
            hx.submit(PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, TENDER, "1", shares));
            assertTrue(hx.fabric.stateText(sharesKey(1)).contains("\"" + BID2 + "\":null"));
        }

        @Test
        void aTenderWithoutBidsTakesEmptyShares() {
            String other = "tender:ocds-empty";
            hx.advance(Duration.ofDays(-1));
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, other, h("e"), "THIMPHU", DEADLINE, OPENING));
            hx.advance(Duration.ofDays(1));
            hx.submit(INSPECTOR, c -> cc.postOpeningShares(c, other, "2", "{}"));
            assertTrue(hx.evaluate(INSPECTOR, c -> cc.getOpeningShares(c, other)).contains("\"shares\":{}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "[]", "null", "not json", "{\"tender:ocds-x\":null}",
            "{\"bid:ocds-drk001-T-2026-0042:1\":\"AZthOKfx-4sbi04CWmIUpDNhN9Qu4Mg4cvXptCqXKAr\"}",
            "{\"bid:ocds-drk001-T-2026-0042:1\":\"AZthOKfx-4sbi04CWmIUpDNhN9Qu4Mg4cvXptCqXKArz=\"}",
            "{\"bid:ocds-drk001-T-2026-0042:1\":\"AZthOKfx+4sbi04CWmIUpDNhN9Qu4Mg4cvXptCqXKArz\"}",
            "{\"bid:ocds-drk001-T-2026-0042:1\":1}",
            "{\"bid:ocds-drk001-T-2026-0042:1\":null,\"bid:ocds-drk001-T-2026-0042:1\":null}"})
        void malformedSharesAreRefused(String sharesJson) {
            RegistryException e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 1, sharesJson);
            assertTrue(e.getMessage().contains("sharesJson"), e.getMessage());
        }

        @Test
        void theHolderIndexIsOneToN() {
            refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 0, sharesOf(1));
            RegistryException e = refusedPost(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, 4, sharesOf(1));
            assertTrue(e.getMessage().contains("has 3 opening key holders"), e.getMessage());
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, TENDER, "01", sharesOf(1)));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, BID1, "1", sharesOf(1)));
            hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, "tender:ocds-none", "1", "{}"));
        }

        @Test
        void onlyOnASealedTenderThatIsStillOpenable() {
            String plain = "tender:ocds-plain";
            hx.advance(Duration.ofDays(-1));
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, plain, h("plain"), "THIMPHU", DEADLINE));
            hx.advance(Duration.ofDays(1));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, plain, "1", "{}"));
            Harness.Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            refusedPost(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_INSPECTOR, 1, sharesOf(1));
        }

        @Test
        void inEvaluationSharesAreStillTaken() {
            Harness.Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
            post(2);
        }
    }

    @Nested
    class GetOpeningShares {
        @BeforeEach
        void tender() {
            publish();
            lodgeTwo();
            hx.advance(Duration.ofDays(1));
        }

        @Test
        void inHolderOrderWhateverTheOrderOfPosting() {
            assertEquals("[]", hx.evaluate(INSPECTOR, c -> cc.getOpeningShares(c, TENDER)));
            post(3);
            post(1);
            String all = hx.evaluate(LAND_CLERK, c -> cc.getOpeningShares(c, TENDER));
            assertEquals("[" + hx.fabric.stateText(sharesKey(1)) + "," + hx.fabric.stateText(sharesKey(3)) + "]", all);
        }

        @Test
        void readersOnlyAndSealedTendersOnly() {
            hx.refused(ErrorCode.ACCESS_DENIED, TestIdentities.CITIZEN, c -> cc.getOpeningShares(c, TENDER));
            hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.getOpeningShares(c, BID1));
            hx.refused(ErrorCode.NOT_FOUND, INSPECTOR, c -> cc.getOpeningShares(c, "tender:ocds-none"));
            hx.advance(Duration.ofDays(-1));
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, "tender:ocds-plain", h("plain"), "THIMPHU", DEADLINE));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, INSPECTOR, c -> cc.getOpeningShares(c, "tender:ocds-plain"));
        }
    }

    static String valid(String price, String supplierId, String salt) {
        return "{\"valid\":true,\"price\":\"" + price + "\",\"currency\":\"BTN\",\"supplierId\":\"" + supplierId
                + "\",\"supplierSalt\":\"" + salt + "\"}";
    }

    static String invalid(String reason, String supplierId, String salt) {
        return "{\"valid\":false,\"reason\":\"" + reason + "\",\"supplierId\":\"" + supplierId + "\",\"supplierSalt\":\""
                + salt + "\"}";
    }

    String open(String bidKey, String resultJson) {
        Harness.Step s = hx.step(bidKey);
        return hx.submit(PROCUREMENT_CLERK, c -> cc.openBid(c, bidKey, s.version(), s.hash(), s.previousHash(), resultJson));
    }

    RegistryException refusedOpen(ErrorCode code, String bidKey, String resultJson) {
        Harness.Step s = hx.step(bidKey);
        return hx.refused(code, PROCUREMENT_CLERK, c -> cc.openBid(c, bidKey, s.version(), s.hash(), s.previousHash(), resultJson));
    }

    @Nested
    class OpenBid {
        static final String RESULT1 = valid("1250000.50", SUPPLIER1, SALT1);

        @BeforeEach
        void twoBidsPastTheDeadline() {
            publish();
            lodgeTwo();
            hx.advance(Duration.ofDays(1));
        }

        @Test
        void notBeforeKHoldersHavePosted() {
            RegistryException e = refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID1, RESULT1);
            assertTrue(e.getMessage().contains("0 of the 3 opening key holders of tender " + OCID + " have posted their shares; "
                    + "its bids are opened once 2 have"), e.getMessage());
            post(3);
            e = refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID1, RESULT1);
            assertTrue(e.getMessage().contains("1 of the 3"), e.getMessage());
            // an invalid verdict waits for the shares as well
            refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID1, invalid("malformed", SUPPLIER1, SALT1));
            post(2);
            open(BID1, RESULT1);
            assertEquals("opened", hx.entry(BID1).status());
        }

        @Test
        void aValidOpeningRecordsThePriceAndTheSupplier() {
            post(1);
            post(2);
            Harness.Step s = hx.step(BID1);
            String result = open(BID1, RESULT1);
            LedgerEntry b = hx.entry(BID1);
            assertEquals(hx.fabric.stateText(BID1), result);
            assertEquals("opened", b.status());
            assertEquals(2, b.version());
            assertEquals(s.hash(), b.hash());
            assertEquals(ENVELOPE1, b.previousHash());
            assertEquals(ENVELOPE1, b.text("envelopeHash"));
            assertEquals(SUPPLIER_COMMIT1, b.text("supplierCommitment"));
            java.util.HashMap<String, Object> expected = new java.util.HashMap<>(Map.of("valid", true, "price", "1250000.50",
                    "currency", "BTN", "supplierId", SUPPLIER1, "supplierSalt", SALT1));
            expected.put("reason", null);
            assertEquals(expected, b.object("result"));
            assertTrue(result.contains("\"result\":{\"currency\":\"BTN\",\"price\":\"1250000.50\",\"reason\":null,"
                    + "\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"" + SALT1 + "\",\"valid\":true}"), result);
            assertTrue(hx.lastEvent().payloadText().contains("\"version\":2"));
            // a retry is harmless; the bid is opened once
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK,
                    c -> cc.openBid(c, BID1, s.version(), s.hash(), s.previousHash(), RESULT1));
            refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID1, RESULT1);
        }

        @Test
        void anInvalidBidIsRecordedWithItsReason() {
            post(1);
            post(3);
            open(BID2, invalid("undecryptable", SUPPLIER2, SALT2));
            LedgerEntry b = hx.entry(BID2);
            assertEquals("invalid", b.status());
            assertEquals("undecryptable", b.object("result").get("reason"));
            assertEquals(false, b.object("result").get("valid"));
            assertNull(b.object("result").get("price"));
            assertNull(b.object("result").get("currency"));
            assertEquals(SUPPLIER2, b.object("result").get("supplierId"));
        }

        @Test
        void theSupplierMustMatchTheCommitment() {
            post(1);
            post(2);
            RegistryException e = refusedOpen(ErrorCode.COMMITMENT_MISMATCH, BID1, valid("1250000.50", SUPPLIER1, "wrong-salt"));
            assertTrue(e.getMessage().contains(SUPPLIER_COMMIT1), e.getMessage());
            refusedOpen(ErrorCode.COMMITMENT_MISMATCH, BID1, valid("1250000.50", SUPPLIER2, SALT2));
            refusedOpen(ErrorCode.COMMITMENT_MISMATCH, BID1, invalid("malformed", SUPPLIER1, SALT1 + "x"));
        }

        @Test
        void theSupplierCommitmentIsSha256OfTenderKeySupplierIdAndSalt() {
            // documented in README; fixed vector from sha256sum:
            // printf '%s' 'tender:ocds-drk001-T-2026-0042:CDB-2291:k3Jv9mQ1xZ8pL0sT4wYbNa' | sha256sum
            assertEquals("fb5a8c1718bdb7a1df48ef02c6475eb8d4417f6937dde6538bdeac9c01242e03",
                    Hashes.supplierCommitment(TENDER, SUPPLIER1, SALT1));
            assertEquals(SUPPLIER_COMMIT1, Hashes.supplierCommitment(TENDER, SUPPLIER1, SALT1));
        }

        @Test
        void aValidOpeningNeedsKSharesOfThatBid() {
            // holder 1 could not decrypt its share of BID2; holder 2 could
            String holder1 = "{\"" + BID1 + "\":\"" + SHARES1.get(0) + "\",\"" + BID2 + "\":null}";
            hx.submit(PROCUREMENT_INSPECTOR, c -> cc.postOpeningShares(c, TENDER, "1", holder1));
            post(2);
            RegistryException e = refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID2, valid("99.00", SUPPLIER2, SALT2));
            assertTrue(e.getMessage().contains("1 holders have posted a share of it; it opens as valid only with 2"), e.getMessage());
            open(BID1, RESULT1);
            // the third holder's share opens it
            post(3);
            open(BID2, valid("99.00", SUPPLIER2, SALT2));
            assertEquals("opened", hx.entry(BID2).status());
        }

        @Test
        void onlyALodgedSealedBid() {
            hx.advance(Duration.ofHours(-1)); // before the deadline again
            lodge(BID3, h("envelope 3"), h("supplier 3"), shareHashes(BID3, 3));
            withdraw(BID3);
            hx.advance(Duration.ofHours(1));
            post(1);
            post(2);
            RegistryException e = refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID3, invalid("malformed", "CDB-3", "s"));
            assertTrue(e.getMessage().contains("withdrawn"), e.getMessage());
        }

        @Test
        void notOnACancelledTender() {
            post(1);
            post(2);
            Harness.Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            refusedOpen(ErrorCode.NOT_ALLOWED_IN_STATE, BID1, RESULT1);
        }

        @Test
        void updateGuardAndAccess() {
            post(1);
            post(2);
            Harness.Step s = hx.step(BID1);
            hx.refused(ErrorCode.STALE_VERSION, PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, "3", s.hash(), s.previousHash(), RESULT1));
            hx.refused(ErrorCode.HASH_MISMATCH, PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, "2", s.hash(), h("x"), RESULT1));
            hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK, c -> cc.openBid(c, BID3, "2", s.hash(), h("x"), RESULT1));
            hx.refused(ErrorCode.ACCESS_DENIED, PROCUREMENT_INSPECTOR,
                    c -> cc.openBid(c, BID1, s.version(), s.hash(), s.previousHash(), RESULT1));
            hx.refused(ErrorCode.WRONG_REGISTER, LAND_CLERK,
                    c -> cc.openBid(c, BID1, s.version(), s.hash(), s.previousHash(), RESULT1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "{}", "null", "[]", "not json",
            "{\"valid\":\"true\",\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1250000.5\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"0.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"-5.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"01.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":1250000.50,\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"USD\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\",\"reason\":null}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\",\"name\":\"Dorji\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"11512345678\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"TL-11512345678\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"dorji@example.bt\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB:2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"Dorji Wangmo\",\"supplierSalt\":\"s\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"a salt\"}",
            "{\"valid\":true,\"price\":\"1.00\",\"currency\":\"BTN\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"\"}",
            "{\"valid\":false,\"reason\":\"late\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}",
            "{\"valid\":false,\"reason\":\"malformed\",\"supplierId\":\"CDB-2291\"}",
            "{\"valid\":false,\"reason\":\"malformed\",\"price\":\"1.00\",\"supplierId\":\"CDB-2291\",\"supplierSalt\":\"s\"}"})
        void malformedResultsAreRefused(String resultJson) {
            post(1);
            post(2);
            RegistryException e = refusedOpen(ErrorCode.INVALID_ARGUMENT, BID1, resultJson);
            assertTrue(e.getMessage().contains("resultJson"), e.getMessage());
        }

        @Test
        void anOpenedBidIsAwardedAndNeitherAnInvalidNorAnUnopenedOne() {
            post(1);
            post(2);
            Harness.Step t = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.openBids(c, TENDER, t.version(), t.hash(), t.previousHash()));
            assertEquals("evaluation", hx.entry(TENDER).status());
            Harness.Step award = hx.step(TENDER);
            RegistryException e = hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.awardTender(c, TENDER, award.version(), award.hash(), award.previousHash(), BID1));
            assertTrue(e.getMessage().contains("only an opened (valid) bid can be awarded"), e.getMessage());
            open(BID1, RESULT1); // bids are opened in evaluation too
            open(BID2, invalid("hash-mismatch", SUPPLIER2, SALT2));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.awardTender(c, TENDER, award.version(), award.hash(), award.previousHash(), BID2));
            hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, award.version(), award.hash(), award.previousHash(), BID1));
            assertEquals("awarded", hx.entry(TENDER).status());
            assertEquals(BID1, hx.entry(TENDER).text("awardedBid"));
        }
    }
}
