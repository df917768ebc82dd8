package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    class CommitReveal {
        @Test
        void aSealedTenderTakesNoCommitments() {
            publish();
            RegistryException e = hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.commitBid(c, "bid:" + OCID + ":1", TENDER, h("commitment"), "THIMPHU"));
            assertTrue(e.getMessage().contains("LodgeSealedBid"), e.getMessage());
        }
    }
}
