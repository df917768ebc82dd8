package bt.druk.registry.domain.notary.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The inclusion proof's JSON form: written, read back, and read strictly. */
class MerkleProofJsonTest {

    /** Five documents (SHA-256 of "doc-0" … "doc-4"); the proof of the fourth. */
    private static final MerkleTree TREE = MerkleTree.ofDocumentHashes(
            IntStream.range(0, 5).mapToObj(i -> CanonicalJson.sha256Hex("doc-" + i)).toList());
    private static final InclusionProof PROOF = TREE.inclusionProof(3);

    @Test
    void aProofIsWrittenWithItsAlgorithmAndReadBackEqual() {
        String json = PROOF.toJson();
        assertTrue(json.startsWith("{\"algorithm\":\"RFC9162-SHA256\",\"leaf\":\"" + CanonicalJson.sha256Hex("doc-3")
                + "\",\"leafIndex\":3,\"treeSize\":5,\"auditPath\":[\""), json);
        assertTrue(json.endsWith("],\"root\":\"" + TREE.rootHex() + "\"}"), json);
        assertEquals(PROOF, InclusionProof.parse(json));
        assertTrue(InclusionProof.parse(json).verify().ok());
        // Whitespace, member order and escaped characters do not matter.
        String spaced = "\n{ \"root\" : \"" + TREE.rootHex() + "\",\t\"auditPath\": " + PROOF.toJsonObject().get("auditPath")
                + ", \"treeSize\": 5.0, \"leafIndex\": 3, \"leaf\": \"\\u00" + Integer.toHexString(PROOF.leaf().charAt(0))
                + PROOF.leaf().substring(1) + "\", \"algorithm\": \"RFC9162-SHA256\" }\n";
        assertEquals(PROOF, InclusionProof.parse(spaced));
    }

    @Test
    void theProofOfEveryDocumentSurvivesTheRoundTrip() {
        MerkleTree tree = MerkleTree.ofDocumentHashes(IntStream.range(0, 300).mapToObj(i -> CanonicalJson.sha256Hex("d" + i)).toList());
        for (int i = 0; i < tree.size(); i++) {
            InclusionProof read = InclusionProof.parse(tree.inclusionProof(i).toJson());
            assertEquals(tree.inclusionProof(i), read);
            assertTrue(read.verifyAgainst(tree.rootHex()).ok());
        }
    }

    @Test
    void aParsedProofThatDoesNotHoldIsRefusedByVerificationNotByParsing() {
        InclusionProof wrongIndex = InclusionProof.parse(PROOF.toJson().replace("\"leafIndex\":3", "\"leafIndex\":2"));
        assertEquals("merkle.root.mismatch", wrongIndex.verify().code());
        InclusionProof outOfRange = InclusionProof.parse(PROOF.toJson().replace("\"leafIndex\":3", "\"leafIndex\":9"));
        assertEquals("merkle.leafIndex.range", outOfRange.verify().code());
        assertTrue(outOfRange.verify().reason().contains("not in a tree of 5 leaves"), outOfRange.verify().reason());
        assertEquals("merkle.root.notAnchored", PROOF.verifyAgainst(CanonicalJson.sha256Hex("another batch")).code());
        assertEquals("merkle.anchor.hex", PROOF.verifyAgainst("not a root").code());
    }

    @Test
    void everyMalformedProofIsRefusedWithItsFieldAndCode() {
        String good = PROOF.toJson();
        String path0 = PROOF.auditPath().get(0);
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("", List.of("proof", "merkleProof.notJson"));
        cases.put("%PDF-1.7", List.of("proof", "merkleProof.notJson"));
        cases.put(good.substring(0, good.length() - 1), List.of("proof", "merkleProof.notJson"));
        cases.put(good.replace("\"leafIndex\":3", "\"leafIndex\":3,\"leafIndex\":3"), List.of("proof", "merkleProof.notJson"));
        cases.put("[" + good + "]", List.of("proof", "merkleProof.notObject"));
        cases.put("\"" + PROOF.leaf() + "\"", List.of("proof", "merkleProof.notObject"));
        cases.put(good.replace("\"algorithm\"", "\"anchorTx\":\"abc\",\"algorithm\""), List.of("anchorTx", "merkleProof.member.unknown"));
        cases.put(good.replace("\"leaf\"", "\"leafHash\""), List.of("leafHash", "merkleProof.member.unknown", "leaf", "merkleProof.member.missing"));
        cases.put(good.replace("\"algorithm\":\"RFC9162-SHA256\",", ""), List.of("algorithm", "merkleProof.member.missing"));
        cases.put(good.replace("RFC9162-SHA256", "RFC6962-SHA256"), List.of("algorithm", "merkleProof.algorithm"));
        cases.put(good.replace("\"RFC9162-SHA256\"", "1"), List.of("algorithm", "merkleProof.type"));
        cases.put(good.replace("\"leafIndex\":3", "\"leafIndex\":\"3\""), List.of("leafIndex", "merkleProof.type"));
        cases.put(good.replace("\"leafIndex\":3", "\"leafIndex\":3.5"), List.of("leafIndex", "merkleProof.integer"));
        cases.put(good.replace("\"leafIndex\":3", "\"leafIndex\":-1"), List.of("leafIndex", "merkleProof.integer.range"));
        cases.put(good.replace("\"treeSize\":5", "\"treeSize\":9007199254740992"), List.of("treeSize", "merkleProof.integer.range"));
        cases.put(good.replace("\"treeSize\":5", "\"treeSize\":1e400"), List.of("treeSize", "merkleProof.integer.range"));
        cases.put(good.replace("\"treeSize\":5", "\"treeSize\":null"), List.of("treeSize", "merkleProof.type"));
        cases.put(good.replace(PROOF.leaf(), PROOF.leaf().toUpperCase()), List.of("leaf", "merkleProof.hex"));
        cases.put(good.replace(PROOF.root(), PROOF.root().substring(2)), List.of("root", "merkleProof.hex"));
        cases.put(good.replace(path0, path0 + "00"), List.of("auditPath[0]", "merkleProof.hex"));
        cases.put(good.replace("\"" + path0 + "\"", "[\"" + path0 + "\"]"), List.of("auditPath[0]", "merkleProof.type"));
        cases.put(good.replaceAll("\"auditPath\":\\[[^]]*]", "\"auditPath\":\"" + path0 + "\""), List.of("auditPath", "merkleProof.type"));
        cases.put(good.replaceAll("\"auditPath\":\\[[^]]*]", "\"auditPath\":[" + String.join(",",
                java.util.Collections.nCopies(54, "\"" + path0 + "\"")) + "]"), List.of("auditPath", "merkleProof.auditPath.tooLong"));
        cases.put("{}", List.of("algorithm", "merkleProof.member.missing", "leaf", "merkleProof.member.missing",
                "leafIndex", "merkleProof.member.missing", "treeSize", "merkleProof.member.missing",
                "auditPath", "merkleProof.member.missing", "root", "merkleProof.member.missing"));
        cases.put(" ".repeat(InclusionProof.MAX_TEXT_LENGTH) + good, List.of("proof", "merkleProof.tooLarge"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            ValidationException refused = assertThrows(ValidationException.class, () -> InclusionProof.parse(c.getKey()),
                    c.getKey());
            List<String> fieldsAndCodes = new ArrayList<>();
            for (FieldError error : refused.errors()) {
                fieldsAndCodes.add(error.field());
                fieldsAndCodes.add(error.code());
                assertFalse(error.message().isBlank());
            }
            assertEquals(c.getValue(), fieldsAndCodes, shorten(c.getKey()) + " → " + refused.getMessage());
        }
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> InclusionProof.parse(good.replace("\"algorithm\"", "\"anchorTx\":\"abc\",\"algorithm\"")));
        assertEquals("anchorTx: unknown member \"anchorTx\": an inclusion proof has exactly algorithm, leaf, leafIndex, treeSize,"
                + " auditPath, root", unknown.getMessage());
        assertThrows(ValidationException.class, () -> InclusionProof.parse(null));
    }

    @Test
    void mangledProofTextIsRefusedOrAnsweredNeverThrownAtTheReader() {
        Random random = new Random(7);
        String good = PROOF.toJson();
        String alphabet = "{}[]\",:0123456789abcdef-.eE \\unlx";
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(good);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            InclusionProof proof;
            try {
                proof = InclusionProof.parse(text.toString());
            } catch (ValidationException refused) {
                continue;
            }
            MerkleVerification answer = proof.verify();
            if (answer.ok()) {
                held++;
                assertEquals(PROOF, proof, "a changed proof verifies: " + text);
            }
        }
        System.out.printf("mangled proof texts: %d of 20000 still the same proof (whitespace)%n", held);
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
