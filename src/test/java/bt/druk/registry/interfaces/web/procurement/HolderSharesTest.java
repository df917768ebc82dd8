package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HolderSharesTest {

    private static final String OCID = "ocds-drk001-2026-0007";
    private static final String SHARE = "Aa" + "A".repeat(42);

    @Nested
    class PostedSharesJson {

        @Test
        void sharesAndNullsOfTheTendersBidsAreReadInOrder() {
            Map<String, String> shares = HolderSharesJson.parseShares(
                    "{\"bid:" + OCID + ":2\":\"" + SHARE + "\",\"bid:" + OCID + ":1\":null}", OCID);
            assertEquals(List.of("bid:" + OCID + ":2", "bid:" + OCID + ":1"), List.copyOf(shares.keySet()));
            assertEquals(SHARE, shares.get("bid:" + OCID + ":2"));
            assertTrue(shares.containsKey("bid:" + OCID + ":1"));
            assertNull(shares.get("bid:" + OCID + ":1"));
        }

        @Test
        void nothingPostedAsksTheHolderToDecryptFirst() {
            assertRefused(null, "holderShares.missing");
            assertRefused("  ", "holderShares.missing");
        }

        @Test
        void textThatIsNotAJsonObjectIsRefusedWithAReasonNotAFiveHundred() {
            assertRefused("{\"bid:" + OCID + ":1\":", "holderShares.format");
            assertRefused("[\"" + SHARE + "\"]", "holderShares.format");
            assertRefused("\"" + SHARE + "\"", "holderShares.format");
            assertRefused("not json", "holderShares.format");
            assertRefused("{} trailing", "holderShares.format");
        }

        @Test
        void anEmptyObjectHasNothingToPost() {
            assertRefused("{}", "holderShares.empty");
        }

        @Test
        void aBidOfAnotherTenderOrAnotherKindOfRecordIsRefused() {
            assertRefused("{\"bid:ocds-drk001-2026-0008:1\":null}", "holderShares.bidKey");
            assertRefused("{\"bid:" + OCID + "-9:1\":null}", "holderShares.bidKey");
            assertRefused("{\"tender:" + OCID + "\":null}", "holderShares.bidKey");
            assertRefused("{\"nonsense\":null}", "holderShares.bidKey");
        }

        @Test
        void aShareThatIsNeitherTextNorNullIsRefused() {
            assertRefused("{\"bid:" + OCID + ":1\":33}", "holderShares.value");
            assertRefused("{\"bid:" + OCID + ":1\":{\"bytes\":\"x\"}}", "holderShares.value");
        }

        @Test
        void anOversizedPostIsRefusedBeforeItIsRead() {
            assertRefused("{\"x\":\"" + "A".repeat(HolderSharesJson.MAX_CHARS) + "\"}", "holderShares.size");
        }

        private void assertRefused(String json, String code) {
            ValidationException e = assertThrows(ValidationException.class, () -> HolderSharesJson.parseShares(json, OCID));
            assertEquals(code, e.errors().get(0).code());
            assertEquals("shares", e.errors().get(0).field(), "shown next to the post button");
        }
    }

    @Nested
    class EnvelopesForHolders {

        @Test
        void theEncryptedPartsStayOnTheServer() {
            JsonObject out = HolderSharesJson.forHolder("{\"holders\":[{\"index\":1}],\"k\":2,\"n\":3,\"ocid\":\"" + OCID
                    + "\",\"parts\":[{\"name\":\"bid\",\"ciphertext\":\"" + "A".repeat(1000) + "\"}],\"shares\":[{\"index\":1}],"
                    + "\"version\":\"druk-sealed-bid/2\"}");
            assertEquals(List.of("version", "ocid", "k", "n", "holders", "shares"), List.copyOf(out.keySet()));
            assertFalse(out.containsKey("parts"));
            assertEquals(OCID, out.getString("ocid"));
        }

        @Test
        void anEnvelopeThatIsNotAJsonObjectIsNull() {
            assertNull(HolderSharesJson.forHolder("not json"));
            assertNull(HolderSharesJson.forHolder("[1,2]"));
        }
    }

    @Nested
    class HolderRows {

        private static final String H1 = "a".repeat(64);
        private static final String H2 = "b".repeat(64);
        private static final String H3 = "c".repeat(64);

        @Test
        void eachHolderShowsWhetherItPostedAndWhichIsTheSignedInMember() {
            TenderOpening opening = TenderOpening.of(2, List.of(
                    new TenderOpening.Holder(0, "ProcurementMSP", "procurement clerk", "spki1", H1),
                    new TenderOpening.Holder(0, "AuditMSP", "inspector", "spki2", H2),
                    new TenderOpening.Holder(0, "JusticeMSP", "justice clerk", "spki3", H3)));
            Map<String, String> shares = new HashMap<>();
            shares.put("bid:" + OCID + ":1", null);
            List<HolderSharesBean.HolderRow> rows = HolderSharesBean.rows(opening,
                    List.of(new PostedShares(2, "AuditMSP", shares, "tx-2")), 3);
            assertEquals(List.of(1, 2, 3), rows.stream().map(HolderSharesBean.HolderRow::index).toList());
            assertEquals(List.of(false, true, false), rows.stream().map(HolderSharesBean.HolderRow::posted).toList());
            assertEquals("tx-2", rows.get(1).txId());
            assertEquals(List.of(false, false, true), rows.stream().map(HolderSharesBean.HolderRow::mine).toList());
            assertEquals(H3, rows.get(2).publicKeySha256());
        }

        @Test
        void aMemberWhoIsNoHolderIsNoneOfTheRows() {
            TenderOpening opening = TenderOpening.of(2, List.of(
                    new TenderOpening.Holder(0, "ProcurementMSP", "procurement clerk", "spki1", H1),
                    new TenderOpening.Holder(0, "AuditMSP", "inspector", "spki2", H2)));
            assertTrue(HolderSharesBean.rows(opening, List.of(), null).stream().noneMatch(HolderSharesBean.HolderRow::mine));
        }
    }
}
