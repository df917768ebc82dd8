package bt.druk.registry.domain.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hash here was computed outside our code.
 *
 * <pre>
 * # chaincode/README.md's vector
 * printf '%s' 'hello bid' | sha256sum
 *   28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1
 * printf '%s' '28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1:pepper-42' | sha256sum
 *   03bcaada13ea951ceff119996c5cc946ef3490aeca9404afe9cdc47948445af5
 *
 * # the two documents of the Dzongkha bid
 * printf 'Technical proposal v1\n' | sha256sum   ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd
 * printf 'Bill of quantities\n' | sha256sum      371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd
 *
 * # the Dzongkha bid: canonical JSON (= DZONGKHA_CANONICAL), its hash, the commitment
 * python3 -c 'import json,hashlib; bid=json.loads(open("bid.json").read());
 *   c=json.dumps(bid,sort_keys=True,separators=(",",":"),ensure_ascii=False); print(c);
 *   h=hashlib.sha256(c.encode()).hexdigest(); print(h);
 *   print(hashlib.sha256((h+":q0Zs4b3kF9wX2mYtR7uVn1pLcD8eGhJa5oKiB6zT_-U").encode()).hexdigest())'
 * printf '%s' '&lt;DZONGKHA_CANONICAL&gt;' | sha256sum
 *   d165a971c1af5e9b0dab4fb8bcf46bf3bf43878397078525218270c6825c74de
 * printf '%s' 'd165a971c1af5e9b0dab4fb8bcf46bf3bf43878397078525218270c6825c74de:q0Zs4b3kF9wX2mYtR7uVn1pLcD8eGhJa5oKiB6zT_-U' | sha256sum
 *   e452a9217d692da53c3b48f8d4ae21a8ff1af9616c0b2bc5a4edfc597d8fdbe5
 *
 * # a bid with quotes and backslashes in the name, no documents, Nu. 0.50 (same python3 line):
 *   b5be9ef2502212c78b1730d6745b48b75aa61cd4d96241fd927d7e43dd35960e, with salt pepper-42:
 *   a9b161f8d842bb5001d6683aef73f2176e3e7b053f198864b20b80902b3a69d0
 * </pre>
 * (Python's sorted keys equal RFC 8785's here: every key is ASCII and the only numbers are small integers.)
 */
class SealedBidTest {

    static final String TECHNICAL_SHA = "ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd";
    static final String BOQ_SHA = "371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd";
    static final String DZONGKHA_NAME = "ཀུན་ལེགས་ Construction Pvt. Ltd.";
    static final String DZONGKHA_CANONICAL = "{\"bidder\":{\"licenceNumber\":\"1002345\",\"name\":\"ཀུན་ལེགས་ Construction Pvt. Ltd.\"},"
            + "\"documents\":[{\"mediaType\":\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\","
            + "\"name\":\"boq.xlsx\",\"sha256\":\"371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd\",\"size\":19},"
            + "{\"mediaType\":\"application/pdf\",\"name\":\"technical.pdf\","
            + "\"sha256\":\"ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd\",\"size\":22}],"
            + "\"price\":{\"amount\":\"1250000.00\",\"currency\":\"BTN\"},\"sealedAt\":\"2026-03-10T04:15:00Z\","
            + "\"tender\":\"tender:ocds-b5fd17-2026-0042\"}";
    static final String DZONGKHA_HASH = "d165a971c1af5e9b0dab4fb8bcf46bf3bf43878397078525218270c6825c74de";
    static final String SALT = "q0Zs4b3kF9wX2mYtR7uVn1pLcD8eGhJa5oKiB6zT_-U";
    static final String DZONGKHA_COMMITMENT = "e452a9217d692da53c3b48f8d4ae21a8ff1af9616c0b2bc5a4edfc597d8fdbe5";

    static Bid dzongkhaBid() {
        return Bid.of("tender:ocds-b5fd17-2026-0042", new Bidder("1002345", DZONGKHA_NAME),
                BidPrice.parse("1250000", "price"),
                List.of(new BidDocument("technical.pdf", "application/pdf", 22, TECHNICAL_SHA),
                        new BidDocument("boq.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 19, BOQ_SHA)),
                Instant.parse("2026-03-10T04:15:00.734Z"));
    }

    static String dzongkhaFile() {
        return SealedBid.seal(dzongkhaBid(), SALT).toFileJson();
    }

    /** The file with one member of the bid replaced (the hashes left as they were). */
    static String edit(String file, String from, String to) {
        assertTrue(file.contains(from), from);
        return file.replace(from, to);
    }

    static ValidationException refused(String file) {
        return assertThrows(ValidationException.class, () -> SealedBid.parse(file));
    }

    @Nested
    class Commitment {
        @Test
        void theChaincodeReadmeVectorGivesItsCommitment() {
            assertEquals("03bcaada13ea951ceff119996c5cc946ef3490aeca9404afe9cdc47948445af5",
                    BidCommitment.of("28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1", "pepper-42"));
        }

        @Test
        void aFreshSaltIs43Base64urlCharactersAndNeverRepeats() {
            String a = BidCommitment.newSalt();
            assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
            assertTrue(BidCommitment.isValidSalt(a));
            assertFalse(a.equals(BidCommitment.newSalt()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "with space", "tab\there", "ümlaut", "\u007f"})
        void saltsTheLedgerWouldRefuseAreRefused(String salt) {
            assertFalse(BidCommitment.isValidSalt(salt));
        }

        @Test
        void saltLengthLimitIsTheChaincodes() {
            assertTrue(BidCommitment.isValidSalt("x".repeat(256)));
            assertFalse(BidCommitment.isValidSalt("x".repeat(257)));
        }
    }

    @Nested
    class Sealing {
        @Test
        void aDzongkhaBidWithDocumentsHashesToTheOutsideVector() {
            Bid bid = dzongkhaBid();
            assertEquals(DZONGKHA_CANONICAL, bid.canonicalJson());
            assertEquals(DZONGKHA_HASH, bid.hash());
            SealedBid sealed = SealedBid.seal(bid, SALT);
            assertEquals(DZONGKHA_HASH, sealed.bidHash());
            assertEquals(DZONGKHA_COMMITMENT, sealed.commitment());
        }

        @Test
        void documentsAreSortedByHashWhateverOrderTheyWerePickedIn() {
            assertEquals(List.of(BOQ_SHA, TECHNICAL_SHA),
                    dzongkhaBid().documents().stream().map(BidDocument::sha256).toList());
        }

        @Test
        void quotesAndBackslashesInANameAndASmallPriceHashToTheOutsideVector() {
            Bid bid = Bid.of("tender:ocds-b5fd17-2026-0007", new Bidder("CDB-4411", "Druk \"Quote\" & Sons\\\\"),
                    BidPrice.parse("0.5", "price"), List.of(), Instant.parse("2026-01-01T00:00:00Z"));
            SealedBid sealed = SealedBid.seal(bid, "pepper-42");
            assertEquals("b5be9ef2502212c78b1730d6745b48b75aa61cd4d96241fd927d7e43dd35960e", sealed.bidHash());
            assertEquals("a9b161f8d842bb5001d6683aef73f2176e3e7b053f198864b20b80902b3a69d0", sealed.commitment());
        }

        @Test
        void theFileReadsBackToTheSameBidAndCommitment() {
            SealedBid read = SealedBid.parse(dzongkhaFile());
            assertEquals(dzongkhaBid(), read.bid());
            assertEquals(DZONGKHA_COMMITMENT, read.commitment());
            assertEquals(SALT, read.salt());
            assertEquals(new BigDecimal("1250000.00"), read.bid().price().amount());
            assertEquals("technical.pdf", read.bid().document(TECHNICAL_SHA).orElseThrow().name());
            assertEquals(read, read.requireLodged("tender:ocds-b5fd17-2026-0042", DZONGKHA_COMMITMENT));
        }

        @Test
        void aPrettyPrintedFileWithAByteOrderMarkIsTheSameFile() {
            String pretty = "\uFEFF{\n  \"format\": \"druk-sealed-bid/1\",\n  \"note\": \"anything\",\n  \"bid\": "
                    + DZONGKHA_CANONICAL.replace(",", ",\n    ") + ",\n  \"salt\": \"" + SALT + "\",\n  \"bidHash\": \""
                    + DZONGKHA_HASH + "\",\n  \"commitment\": \"" + DZONGKHA_COMMITMENT + "\"\n}\n";
            assertEquals(DZONGKHA_COMMITMENT, SealedBid.parse(pretty).commitment());
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "[1,2]", "{\"bid\":{}}", "{\"format\":\"druk-sealed-bid/2\"}",
                "%PDF-1.7 binary"})
        void somethingElseIsNotASealedBidFile(String text) {
            ValidationException e = refused(text);
            assertEquals("sealedBid.notSealedBidFile", e.errors().get(0).code());
            assertEquals("file", e.errors().get(0).field());
        }

        @Test
        void aChangedPriceIsATamperedBid() {
            ValidationException e = refused(edit(dzongkhaFile(), "\"1250000.00\"", "\"1150000.00\""));
            assertEquals("sealedBid.bidTampered", e.errors().get(0).code());
            assertEquals("bid", e.errors().get(0).field());
            assertTrue(e.getMessage().contains("changed after it was sealed"), e.getMessage());
        }

        @Test
        void aChangedDocumentHashIsATamperedBid() {
            String other = "0".repeat(64);
            assertEquals("sealedBid.bidTampered", refused(edit(dzongkhaFile(), TECHNICAL_SHA, other)).errors().get(0).code());
        }

        @Test
        void aChangedSaltNoLongerGivesTheCommitment() {
            ValidationException e = refused(edit(dzongkhaFile(), SALT, "pepper-43"));
            assertEquals("sealedBid.commitmentMismatch", e.errors().get(0).code());
            assertEquals("commitment", e.errors().get(0).field());
        }

        @Test
        void aBidRehashedAfterEditingNoLongerGivesTheCommitment() {
            Bid cheaper = new Bid(dzongkhaBid().tenderKey(), dzongkhaBid().bidder(), BidPrice.parse("999", "p"),
                    dzongkhaBid().documents(), dzongkhaBid().sealedAt());
            String file = edit(edit(dzongkhaFile(), "\"1250000.00\"", "\"999.00\""), DZONGKHA_HASH, cheaper.hash());
            assertEquals("sealedBid.commitmentMismatch", refused(file).errors().get(0).code());
        }

        @Test
        void aFullyResealedBidIsRefusedOnlyAgainstTheLodgedCommitment() {
            Bid cheaper = new Bid(dzongkhaBid().tenderKey(), dzongkhaBid().bidder(), BidPrice.parse("999", "p"),
                    dzongkhaBid().documents(), dzongkhaBid().sealedAt());
            SealedBid forged = SealedBid.parse(SealedBid.seal(cheaper, SALT).toFileJson());
            ValidationException e = assertThrows(ValidationException.class,
                    () -> forged.requireLodged("tender:ocds-b5fd17-2026-0042", DZONGKHA_COMMITMENT));
            assertEquals("sealedBid.notLodged", e.errors().get(0).code());
            ValidationException other = assertThrows(ValidationException.class,
                    () -> SealedBid.parse(dzongkhaFile()).requireLodged("tender:ocds-b5fd17-2026-0099", DZONGKHA_COMMITMENT));
            assertEquals("sealedBid.otherTender", other.errors().get(0).code());
        }

        @Test
        void aPriceAsAJsonNumberIsRefusedWithItsField() {
            ValidationException e = refused(edit(dzongkhaFile(), "\"1250000.00\"", "1250000.00"));
            assertEquals("bid.price.amount", e.errors().get(0).field());
        }

        @Test
        void malformedMembersAreAllReportedWithTheirFields() {
            String file = edit(edit(edit(edit(dzongkhaFile(), "\"1250000.00\"", "\"1250000.5\""), "\"BTN\"", "\"INR\""),
                    "\"1002345\"", "\"10 02\""), "\"size\":19", "\"size\":-1");
            assertEquals(List.of("bid.bidder.licenceNumber", "bid.price.amount", "bid.price.currency", "bid.documents[0].size"),
                    refused(file).errors().stream().map(e -> e.field()).toList());
        }

        @Test
        void anUnknownMemberInTheBidIsRefused() {
            ValidationException e = refused(edit(dzongkhaFile(), "\"sealedAt\"", "\"discount\":\"10%\",\"sealedAt\""));
            assertEquals("bid.discount", e.errors().get(0).field());
            assertEquals("bid.member.unknown", e.errors().get(0).code());
        }

        @Test
        void aDuplicatedMemberIsNotASealedBidFile() {
            String file = edit(dzongkhaFile(), "\"amount\":\"1250000.00\"", "\"amount\":\"1.00\",\"amount\":\"1250000.00\"");
            assertEquals("sealedBid.notSealedBidFile", refused(file).errors().get(0).code());
        }

        @Test
        void aSealingTimeWithMillisecondsOrAnOffsetIsRefused() {
            assertEquals("bid.sealedAt", refused(edit(dzongkhaFile(), "04:15:00Z", "04:15:00.123Z")).errors().get(0).field());
            assertEquals("bid.sealedAt", refused(edit(dzongkhaFile(), "04:15:00Z", "10:15:00+06:00")).errors().get(0).field());
        }

        @Test
        void aSaltWithASpaceIsRefusedWithItsField() {
            assertEquals("salt", refused(edit(dzongkhaFile(), SALT, "two words")).errors().get(0).field());
        }
    }

    @Nested
    class Prices {
        @ParameterizedTest
        @ValueSource(strings = {"1250000", "1250000.5", "1250000.50", " 0.01 ", "999999999999999.99"})
        void whatABidderTypesIsReadWithTwoDecimals(String input) {
            BidPrice price = BidPrice.parse(input, "price");
            assertEquals(2, price.amount().scale());
            assertEquals("BTN", price.currency());
            assertTrue(price.amountText().matches("[0-9]+\\.[0-9]{2}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "0", "0.00", "-5", "1,250,000", "1 250 000", "12.345", "1e6", "Nu. 100", "1000000000000000"})
        void anythingElseIsRefusedWithAMessage(String input) {
            ValidationException e = assertThrows(ValidationException.class, () -> BidPrice.parse(input, "price"));
            assertEquals("price", e.errors().get(0).field());
            assertFalse(e.errors().get(0).message().isBlank());
        }

        @Test
        void amountTextIsPlainWithTwoDecimals() {
            assertEquals("1250000.50", BidPrice.parse("1250000.5", "p").amountText());
            assertEquals("10000000.00", new BidPrice(new BigDecimal("1E+7"), "BTN").amountText());
        }
    }

    @Test
    void theBidJsonHasExactlyTheDocumentedMembers() {
        JsonObject json = Json.createReader(new StringReader(DZONGKHA_CANONICAL)).readObject();
        assertEquals(dzongkhaBid(), Bid.fromJson(json, "bid"));
        assertEquals(java.util.Set.of("tender", "bidder", "price", "documents", "sealedAt"), json.keySet());
    }

    @Test
    void aBiddersNameFollowsThePortalsTextRuleAsSealBidJsDoes() {
        assertThrows(IllegalArgumentException.class, () -> new Bidder("1002345", "Druk \u202eBuilders"));
        assertThrows(IllegalArgumentException.class, () -> new Bidder("1002345", "\u0000\u202e<script>alert(1)</script>"));
        assertThrows(IllegalArgumentException.class, () -> new BidDocument("offer\u202efdp.exe", "application/pdf", 10, "0".repeat(64)));
        assertEquals("ཀུན་ལེགས་ Construction", new Bidder("1002345", "ཀུན་ལེགས་ Construction").name());
    }
}
