package bt.druk.registry.domain.procurement.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.OpeningResult.InvalidReason;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SealedEnvelopeTest {

    static final String OCID = "ocds-drk001-T-2026-0042";
    static final String BID = "{\"value\":{\"amount\":1250000.5,\"currency\":\"BTN\"},\"supplier\":\"Druk Builders དྲུག\"}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<KeyPair> holders = List.of(P256.generate(RANDOM), P256.generate(RANDOM), P256.generate(RANDOM));
    private final byte[] document = "a bill of quantities".getBytes(StandardCharsets.UTF_8);
    private final SealedEnvelope envelope = EnvelopeSealer.seal(OCID, BID, List.of(document, new byte[0]), spkis(holders), 2);
    private final String text = envelope.toCanonicalJson();
    private final String hash = envelope.sha256Hex();

    @Nested
    class Opening {

        @Test
        void everyPairOfHoldersOpensTheBidAndItsDocuments() {
            List<KeyShare> shares = decryptAll();
            for (List<KeyShare> pair : ShamirTest.subsets(shares, 2)) {
                OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class, EnvelopeOpener.open(text, hash, pair));
                assertEquals("{\"supplier\":\"Druk Builders དྲུག\",\"value\":{\"amount\":1250000.5,\"currency\":\"BTN\"}}", valid.bidJson());
                assertEquals(2, valid.documents().size());
                assertEquals("document-1", valid.documents().get(0).name());
                assertArrayEquals(document, valid.documents().get(0).content());
                assertEquals(0, valid.documents().get(1).size());
                assertEquals(hash, valid.envelopeSha256());
                assertTrue(valid.rejectedShares().isEmpty());
            }
        }

        @Test
        void oneShareOpensNothing() {
            for (KeyShare share : decryptAll()) {
                OpeningResult.TooFewShares few = assertInstanceOf(OpeningResult.TooFewShares.class,
                        EnvelopeOpener.open(text, hash, List.of(share)));
                assertEquals(2, few.needed());
                assertEquals(1, few.correct());
            }
        }

        @Test
        void aWrongShareIsNamedAndAnyTwoCorrectOnesStillOpen() {
            List<KeyShare> shares = decryptAll();
            byte[] value = shares.get(1).value();
            value[5] ^= 1;
            KeyShare wrong = new KeyShare(2, value);
            OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class,
                    EnvelopeOpener.open(text, hash, List.of(shares.get(0), wrong, shares.get(2))));
            assertEquals(List.of(new OpeningResult.RejectedShare(2, "share 2 does not match its hash in the envelope")),
                    valid.rejectedShares());
            OpeningResult.TooFewShares few = assertInstanceOf(OpeningResult.TooFewShares.class,
                    EnvelopeOpener.open(text, hash, List.of(shares.get(0), wrong)));
            assertEquals(1, few.correct());
            assertEquals(2, few.rejectedShares().get(0).index());
        }

        @Test
        void aTamperedCiphertextIsUndecryptable() {
            SealedEnvelope.Part bid = envelope.parts().get(0);
            byte[] ciphertext = bid.ciphertextBytes();
            ciphertext[3] ^= 0x01;
            String tampered = text.replace(bid.ciphertext(), Bytes.base64url(ciphertext));
            OpeningResult.Invalid invalid = assertInstanceOf(OpeningResult.Invalid.class,
                    EnvelopeOpener.open(tampered, CanonicalHash.of(tampered), decryptAll().subList(0, 2)));
            assertEquals(InvalidReason.UNDECRYPTABLE, invalid.reason());
            assertTrue(invalid.detail().contains("\"bid\""), invalid.detail());
        }

        @Test
        void aPartMovedToAnotherTenderDoesNotDecrypt() {
            // The same key and ciphertexts under another OCID: the AAD binds every part to its tender.
            String moved = text.replace(OCID, "ocds-drk001-T-2026-0043");
            SealedEnvelope parsed = SealedEnvelope.parse(moved);
            OpeningResult.Invalid invalid = assertInstanceOf(OpeningResult.Invalid.class,
                    EnvelopeOpener.open(parsed, parsed.sha256Hex(), decryptAll().subList(0, 2)));
            assertEquals(InvalidReason.UNDECRYPTABLE, invalid.reason());
        }

        @Test
        void anEnvelopeThatIsNotTheOneOnTheLedgerIsAHashMismatch() {
            OpeningResult.Invalid invalid = assertInstanceOf(OpeningResult.Invalid.class,
                    EnvelopeOpener.open(text, CanonicalHash.of("another envelope"), decryptAll()));
            assertEquals(InvalidReason.HASH_MISMATCH, invalid.reason());
        }

        @Test
        void aMalformedEnvelopeIsMalformed() {
            String broken = text.replace("\"k\":2", "\"k\":7");
            OpeningResult.Invalid invalid = assertInstanceOf(OpeningResult.Invalid.class,
                    EnvelopeOpener.open(broken, CanonicalHash.of(broken), decryptAll()));
            assertEquals(InvalidReason.MALFORMED, invalid.reason());
            assertTrue(invalid.detail().startsWith("k: "), invalid.detail());
        }

        @Test
        void sharesOfDifferentKeysMakeTheBidMalformedWhicheverHoldersPost() {
            // A bidder who seals share 3 of another key, so that holders 1 and 2 would open the bid and 1 and 3 would not.
            SealedEnvelope other = EnvelopeSealer.seal(OCID, BID, List.of(), spkis(holders), 2);
            SealedEnvelope.Share foreign = other.shares().get(2);
            List<SealedEnvelope.Share> shares = new ArrayList<>(envelope.shares());
            shares.set(2, foreign);
            SealedEnvelope mixed = new SealedEnvelope(envelope.version(), OCID, 2, 3, envelope.holders(), envelope.parts(), shares);
            List<KeyShare> posted = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                posted.add(ShareCipher.decrypt(mixed, i, holders.get(i - 1).getPrivate(), (ECPublicKey) holders.get(i - 1).getPublic()));
            }
            for (List<KeyShare> pair : ShamirTest.subsets(posted, 2)) {
                OpeningResult.Invalid invalid = assertInstanceOf(OpeningResult.Invalid.class,
                        EnvelopeOpener.open(mixed, mixed.sha256Hex(), pair));
                assertEquals(InvalidReason.MALFORMED, invalid.reason(), pair.toString());
                assertTrue(invalid.detail().contains("not of one key"), invalid.detail());
            }
        }
    }

    @Nested
    class Holders {

        @Test
        void aHolderDecryptsOnlyItsOwnShare() {
            KeyPair first = holders.get(0);
            ShareCipher.ShareException e = assertThrows(ShareCipher.ShareException.class,
                    () -> ShareCipher.decrypt(envelope, 2, first.getPrivate(), (ECPublicKey) first.getPublic()));
            assertEquals(2, e.index());
            KeyShare own = ShareCipher.decrypt(envelope, 1, first.getPrivate(), (ECPublicKey) first.getPublic());
            assertEquals(1, own.index());
            assertEquals(envelope.shares().get(0).shareSha256(), own.sha256Hex());
        }

        @Test
        void theEnvelopeNamesEachHoldersKeyByTheHashOfItsSpki() {
            for (int i = 0; i < 3; i++) {
                assertEquals(Bytes.sha256Hex(holders.get(i).getPublic().getEncoded()), envelope.holders().get(i).publicKeySha256());
                assertEquals(91, holders.get(i).getPublic().getEncoded().length);
            }
        }

        @Test
        void aKeyOffTheCurveIsRefused() {
            byte[] raw = P256.rawPoint((ECPublicKey) holders.get(0).getPublic());
            raw[64] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> P256.publicKeyFromRawPoint(raw));
        }
    }

    @Nested
    class Parsing {

        @Test
        void theCanonicalTextParsesToTheSameEnvelope() {
            assertEquals(envelope, SealedEnvelope.parse(text));
            assertEquals(64, hash.length());
        }

        @Test
        void theDirectlyWrittenTextIsTheCanonicalJsonOfTheEnvelope() {
            assertEquals(bt.druk.registry.domain.record.CanonicalJson.canonicalize(envelope.toJson()), text);
            SealedEnvelope odd = new SealedEnvelope(envelope.version(), "ocds-\"odd\u0001", 2, 3, envelope.holders(),
                    envelope.parts(), envelope.shares());
            assertEquals(bt.druk.registry.domain.record.CanonicalJson.canonicalize(odd.toJson()), odd.toCanonicalJson());
            assertTrue(odd.toCanonicalJson().contains("\"ocid\":\"ocds-\\\"odd\\u0001\""), odd.toCanonicalJson());
        }

        @Test
        void malformedEnvelopesAreRefusedNamingTheField() {
            SealedEnvelope.Share share = envelope.shares().get(1);
            assertRefused("", "sealedEnvelope.empty", t -> "");
            assertRefused("", "sealedEnvelope.json", t -> t.substring(1));
            assertRefused("", "sealedEnvelope.json", t -> "[" + t + "]");
            assertRefused("version", "sealedEnvelope.version", t -> t.replace("druk-sealed-bid/2", "druk-sealed-bid/3"));
            assertRefused("ocid", "sealedEnvelope.ocid", t -> t.replace(OCID, "T-42"));
            assertRefused("k", "sealedEnvelope.k", t -> t.replace("\"k\":2", "\"k\":1"));
            assertRefused("n", "sealedEnvelope.type", t -> t.replace("\"n\":3", "\"n\":\"3\""));
            assertRefused("extra", "sealedEnvelope.member.unknown", t -> t.replace("{\"holders\"", "{\"extra\":1,\"holders\""));
            assertRefused("holders[1].index", "sealedEnvelope.holder.index", t -> t.replace("\"index\":2,\"publicKeySha256\"",
                    "\"index\":3,\"publicKeySha256\""));
            assertRefused("parts[1].name", "sealedEnvelope.part.name", t -> t.replace("\"document-1\"", "\"document-9\""));
            assertRefused("shares[1].iv", "sealedEnvelope.length", t -> t.replace(share.iv(), share.iv() + "AAAA"));
            assertRefused("shares[1].iv", "sealedEnvelope.base64url", t -> t.replace(share.iv(), share.iv().substring(0, 15) + "+"));
            assertRefused("shares[1].iv", "sealedEnvelope.base64url", t -> t.replace(share.iv(), share.iv().substring(0, 15) + "="));
            // 49 bytes are 66 characters, the last one's low 4 bits past the end: A, Q, g or w. One more is
            // the same bytes spelt another way, so another envelope hash.
            String c = share.ciphertext();
            assertRefused("shares[1].ciphertext", "sealedEnvelope.base64url", t -> t.replace(c,
                    c.substring(0, c.length() - 1) + (char) (c.charAt(c.length() - 1) + 1)));
            assertRefused("shares[1].shareSha256", "sealedEnvelope.hash", t -> t.replace(share.shareSha256(),
                    share.shareSha256().toUpperCase()));
            assertRefused("shares[1].ephemeralPublicKey", "sealedEnvelope.share.ephemeralPublicKey", t -> {
                byte[] raw = share.ephemeralPublicKeyBytes();
                raw[40] ^= 1;
                return t.replace(share.ephemeralPublicKey(), Bytes.base64url(raw));
            });
            assertRefused("", "sealedEnvelope.notCanonical", t -> t.replace("{\"holders\"", "{ \"holders\""));
            assertRefused("", "sealedEnvelope.json", t -> t.replace("{\"holders\"", "{\"k\":2,\"holders\""));
        }

        private void assertRefused(String field, String code, UnaryOperator<String> change) {
            String changed = change.apply(text);
            assertNotEquals(text, changed);
            ValidationException e = assertThrows(ValidationException.class, () -> SealedEnvelope.parse(changed), code);
            List<String> got = e.errors().stream().map(FieldError::field).toList();
            assertTrue(e.errors().stream().anyMatch(error -> error.field().equals(field) && error.code().equals(code)),
                    "expected " + field + " " + code + ", got " + e.errors() + " " + got);
        }
    }

    private List<KeyShare> decryptAll() {
        List<KeyShare> shares = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            shares.add(ShareCipher.decrypt(envelope, i + 1, holders.get(i).getPrivate(), (ECPublicKey) holders.get(i).getPublic()));
        }
        return shares;
    }

    static List<byte[]> spkis(List<KeyPair> pairs) {
        return pairs.stream().map(p -> p.getPublic().getEncoded()).toList();
    }

    /** The ledger's hash of a stored text. */
    static final class CanonicalHash {
        static String of(String text) {
            return bt.druk.registry.domain.record.CanonicalJson.sha256Hex(text);
        }
    }
}
