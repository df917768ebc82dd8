package bt.druk.registry.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's command line over a fake ledger: what passes, what each kind of tampering fails, when it cannot check. */
class DrukVerifyTest {

    static final Instant TX_TIME = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant ISSUED = Instant.parse("2026-11-30T10:05:00Z");
    static final List<String> ENDORSERS = List.of("AuditMSP", "JusticeMSP");
    static final String NOTARISATION_KEY = "notarisation:2026-000042";
    static final String ANCHOR_KEY = "anchor:2026-11-30-001";

    @TempDir
    Path dir;

    final FakeLedgerReader ledger = new FakeLedgerReader();
    final List<String> connections = new ArrayList<>();
    final byte[] document = "Affidavit of Karma Dorji, Thimphu, 30 November 2026".getBytes(StandardCharsets.UTF_8);

    record Run(int status, String out, String err) {
        boolean has(String outcome, String check) {
            return out.lines().anyMatch(l -> l.startsWith(outcome) && l.substring(6).startsWith(check + " "));
        }

        String line(String check) {
            return out.lines().filter(l -> l.length() > 6 && l.substring(6).startsWith(check + " ")).findFirst().orElse(null);
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DrukVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (PeerSettings peer, String channel, String chaincode) -> {
                    connections.add(peer.mspId() + "@" + peer.endpoint() + " " + channel + "/" + chaincode);
                    return ledger;
                });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command line of an inspector with their peer's settings spelled out. */
    Run verify(ProofReceipt proof, byte[] file) throws IOException {
        Path proofFile = Files.writeString(dir.resolve("proof.json"), proof.toJson());
        List<String> args = new ArrayList<>(List.of("--proof", proofFile.toString()));
        if (file != null) {
            args.addAll(List.of("--file", Files.write(dir.resolve("document.pdf"), file).toString()));
        }
        args.addAll(peerArgs());
        return run(args.toArray(String[]::new));
    }

    List<String> peerArgs() {
        return List.of("--peer", "127.0.0.1:10051", "--tls-ca", "ca.pem", "--host-override", "localhost",
                "--msp", "AuditMSP", "--cert", "cert.pem", "--key", "key.pem");
    }

    /** A notarisation of {@link #document} on the ledger and its proof. */
    ProofReceipt notarised() {
        String recordHash = sha256("notarisation record v1".getBytes(StandardCharsets.UTF_8));
        ledger.write(NOTARISATION_KEY, "notarisation", 1, recordHash, "registered", txId("register"), TX_TIME, 12, ENDORSERS,
                notaryFields(sha256(document), null, null));
        return new ProofReceipt(sha256(document), FoundAs.NOTARISATION, NOTARISATION_KEY, 1, recordHash, "registry", "registry",
                txId("register"), 12L, TX_TIME, ENDORSERS, Optional.empty(), Optional.empty(), ISSUED, "https://registry.example.bt");
    }

    /** A batch of five documents, {@link #document} the fourth, anchored on the ledger, and its proof. */
    ProofReceipt batchMember() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hashes.add(i == 3 ? sha256(document) : sha256(("court filing " + i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree tree = MerkleTree.ofDocumentHashes(hashes);
        ledger.write(ANCHOR_KEY, "anchor", 1, tree.rootHex(), "anchored", txId("anchor"), TX_TIME, 15, ENDORSERS,
                Json.createObjectBuilder().add("merkleRoot", tree.rootHex()).add("leafCount", 5).build());
        return new ProofReceipt(sha256(document), FoundAs.BATCH_MEMBER, ANCHOR_KEY, 1, tree.rootHex(), "registry", "registry",
                txId("anchor"), 15L, TX_TIME, ENDORSERS, Optional.of(tree.inclusionProof(3)), Optional.empty(), ISSUED,
                "https://registry.example.bt");
    }

    static JsonObject notaryFields(String documentHash, String reason, String supersededBy) {
        return Json.createObjectBuilder()
                .add("documentHash", documentHash)
                .add("reason", reason == null ? JsonValue.NULL : Json.createValue(reason))
                .add("supersededBy", supersededBy == null ? JsonValue.NULL : Json.createValue(supersededBy))
                .build();
    }

    static String txId(String seed) {
        return sha256(("tx " + seed).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProofReceipt with(ProofReceipt p, String ledgerHash, String txId, Long block, List<String> endorsers,
                             Optional<InclusionProof> inclusion) {
        return new ProofReceipt(p.sha256(), p.foundAs(), p.recordKey(), p.version(), ledgerHash, p.channel(), p.chaincode(), txId,
                block, p.txTime(), endorsers, inclusion, p.recordDocument(), p.issuedAt(), p.issuer());
    }

    @Nested
    class AGenuineProof {

        @Test
        void ofANotarisationPassesEveryCheckAndExitsZero() throws IOException {
            Run run = verify(notarised(), document);

            assertEquals(0, run.status(), run.out() + run.err());
            for (String check : List.of(ProofVerifier.PROOF_FILE, ProofVerifier.FILE_HASH, ProofVerifier.OFFLINE,
                    ProofVerifier.LEDGER_ENTRY, ProofVerifier.DOCUMENT_HASH, ProofVerifier.STATUS, ProofVerifier.TRANSACTION,
                    ProofVerifier.ENDORSERS)) {
                assertTrue(run.has("PASS", check), check + " should pass:\n" + run.out());
            }
            assertTrue(run.out().contains("RESULT: PASS - all 8 checks passed"), run.out());
            assertTrue(run.line(ProofVerifier.TRANSACTION).contains("block 12"), run.out());
            assertTrue(run.line(ProofVerifier.ENDORSERS).contains("AuditMSP, JusticeMSP"), run.out());
            assertTrue(run.line(ProofVerifier.STATUS).contains("valid"), run.out());
            assertEquals(List.of("AuditMSP@127.0.0.1:10051 registry/registry"), connections);
            assertTrue(ledger.closed, "the ledger connection is closed");
            assertEquals("", run.err());
        }

        @Test
        void ofABatchMemberPassesWithItsMerklePathToTheAnchoredRoot() throws IOException {
            Run run = verify(batchMember(), document);

            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.line(ProofVerifier.OFFLINE).contains("leaf 3 of 5"), run.out());
            assertTrue(run.has("PASS", ProofVerifier.LEDGER_ENTRY), run.out());
            assertFalse(run.out().contains(ProofVerifier.DOCUMENT_HASH), "a batch member has no documentHash check");
        }

        @Test
        void withoutTheFileTheFileCheckIsSkippedAndTheRestPasses() throws IOException {
            Run run = verify(notarised(), null);

            assertEquals(0, run.status(), run.out());
            assertTrue(run.has("SKIP", ProofVerifier.FILE_HASH), run.out());
            assertTrue(run.out().contains("all 7 checks passed"), run.out());
        }

        @Test
        void withTheTransactionTimeToTheMicrosecondAsThePortalStoresItPasses() throws IOException {
            Instant ledgerTime = Instant.parse("2026-11-30T10:00:00.123456789Z");
            String recordHash = sha256("notarisation in nanoseconds".getBytes(StandardCharsets.UTF_8));
            ledger.write(NOTARISATION_KEY, "notarisation", 1, recordHash, "registered", txId("nanos"), ledgerTime, 12, ENDORSERS,
                    notaryFields(sha256(document), null, null));
            for (String proofTime : List.of("2026-11-30T10:00:00.123456Z", "2026-11-30T10:00:00.123457Z")) {
                ProofReceipt proof = new ProofReceipt(sha256(document), FoundAs.NOTARISATION, NOTARISATION_KEY, 1, recordHash,
                        "registry", "registry", txId("nanos"), 12L, Instant.parse(proofTime), ENDORSERS, Optional.empty(),
                        Optional.empty(), ISSUED, "x");
                Run run = verify(proof, document);
                assertEquals(0, run.status(), proofTime + "\n" + run.out());
            }
            ProofReceipt later = new ProofReceipt(sha256(document), FoundAs.NOTARISATION, NOTARISATION_KEY, 1, recordHash,
                    "registry", "registry", txId("nanos"), 12L, Instant.parse("2026-11-30T10:00:01.123456Z"), ENDORSERS,
                    Optional.empty(), Optional.empty(), ISSUED, "x");
            Run run = verify(later, document);
            assertEquals(1, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.LEDGER_ENTRY).contains("is of 2026-11-30T10:00:00.123456789Z, not of"
                    + " 2026-11-30T10:00:01.123456Z"), run.out());
        }

        @Test
        void ofARecordThatChangedSinceStillPassesAndSaysSo() throws IOException {
            String v1 = sha256("land title v1".getBytes(StandardCharsets.UTF_8));
            ledger.write("land-title:THI-1001", "land-title", 1, v1, "registered", txId("v1"), TX_TIME, 7,
                    List.of("AuditMSP", "LandMSP"), JsonValue.EMPTY_JSON_OBJECT);
            ledger.write("land-title:THI-1001", "land-title", 2, sha256("v2".getBytes(StandardCharsets.UTF_8)), "transfer-pending",
                    txId("v2"), TX_TIME.plusSeconds(60), 9, List.of("AuditMSP", "LandMSP"), JsonValue.EMPTY_JSON_OBJECT);
            ProofReceipt proof = new ProofReceipt(v1, FoundAs.RECORD_DOCUMENT, "land-title:THI-1001", 1, v1, "registry", "registry",
                    txId("v1"), 7L, TX_TIME, List.of("LandMSP", "AuditMSP"), Optional.empty(), Optional.empty(), ISSUED, "x");

            Run run = verify(proof, null);

            assertEquals(0, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.STATUS).contains("transfer-pending now, at version 2"), run.out());
            assertTrue(run.line(ProofVerifier.STATUS).contains("changed since the proof's version 1"), run.out());
        }
    }

    @Nested
    class ATamperedProof {

        @Test
        void failsTheFileCheckForADifferentFile() throws IOException {
            byte[] other = document.clone();
            other[0] ^= 1;
            Run run = verify(notarised(), other);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.FILE_HASH), run.out());
            assertTrue(run.line(ProofVerifier.FILE_HASH).contains(sha256(other)), run.out());
            assertTrue(run.out().contains("RESULT: FAIL - 1 of 8 checks failed: file hash"), run.out());
        }

        @Test
        void failsOfflineForAnEditedMerklePath() throws IOException {
            ProofReceipt proof = batchMember();
            InclusionProof inclusion = proof.inclusion().orElseThrow();
            List<String> path = new ArrayList<>(inclusion.auditPath());
            path.set(1, sha256("not a sibling".getBytes(StandardCharsets.UTF_8)));
            Run run = verify(with(proof, proof.ledgerHash(), proof.txId(), proof.blockNumber(), proof.endorsingMspIds(),
                    Optional.of(new InclusionProof(inclusion.leaf(), inclusion.leafIndex(), inclusion.treeSize(), path,
                            inclusion.root()))), document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.OFFLINE), run.out());
            assertTrue(run.line(ProofVerifier.OFFLINE).contains("[merkle."), run.out());
            assertTrue(run.has("PASS", ProofVerifier.LEDGER_ENTRY), "the anchor itself is on the ledger:\n" + run.out());
        }

        @Test
        void failsOfflineForAMerklePathOfAnotherLeafIndex() throws IOException {
            ProofReceipt proof = batchMember();
            InclusionProof inclusion = proof.inclusion().orElseThrow();
            Run run = verify(with(proof, proof.ledgerHash(), proof.txId(), proof.blockNumber(), proof.endorsingMspIds(),
                    Optional.of(new InclusionProof(inclusion.leaf(), 2, inclusion.treeSize(), inclusion.auditPath(),
                            inclusion.root()))), document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.OFFLINE), run.out());
        }

        @Test
        void failsTheLedgerEntryForALedgerHashTheLedgerNeverHeld() throws IOException {
            ProofReceipt proof = notarised();
            String forged = sha256("forged record".getBytes(StandardCharsets.UTF_8));
            Run run = verify(with(proof, forged, proof.txId(), proof.blockNumber(), proof.endorsingMspIds(), Optional.empty()),
                    document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.LEDGER_ENTRY), run.out());
            assertTrue(run.line(ProofVerifier.LEDGER_ENTRY).contains("not the proof's ledger hash " + forged), run.out());
        }

        @Test
        void failsTheLedgerEntryAndTheTransactionForAnotherTxId() throws IOException {
            ProofReceipt proof = notarised();
            String otherTx = txId("never committed");
            Run run = verify(with(proof, proof.ledgerHash(), otherTx, proof.blockNumber(), proof.endorsingMspIds(), Optional.empty()),
                    document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.LEDGER_ENTRY).contains("no write by transaction " + otherTx), run.out());
            assertTrue(run.line(ProofVerifier.LEDGER_ENTRY).contains("version 1 was written by transaction " + proof.txId()),
                    run.out());
            assertTrue(run.has("FAIL", ProofVerifier.TRANSACTION), run.out());
            assertTrue(run.has("SKIP", ProofVerifier.ENDORSERS), run.out());
        }

        @Test
        void failsTheDocumentHashWhenTheNotarisationIsOfAnotherDocument() throws IOException {
            ProofReceipt proof = notarised();
            byte[] other = "Another affidavit".getBytes(StandardCharsets.UTF_8);
            ProofReceipt claimed = new ProofReceipt(sha256(other), proof.foundAs(), proof.recordKey(), 1, proof.ledgerHash(),
                    "registry", "registry", proof.txId(), 12L, TX_TIME, ENDORSERS, Optional.empty(), Optional.empty(), ISSUED, "x");

            Run run = verify(claimed, other);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("PASS", ProofVerifier.FILE_HASH), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.DOCUMENT_HASH), run.out());
        }

        @Test
        void failsTheTransactionForAnotherBlockOrAnInvalidTransaction() throws IOException {
            ProofReceipt proof = notarised();
            Run moved = verify(with(proof, proof.ledgerHash(), proof.txId(), 13L, ENDORSERS, Optional.empty()), document);
            assertEquals(1, moved.status(), moved.out());
            assertTrue(moved.line(ProofVerifier.TRANSACTION).contains("in block 12, not in block 13"), moved.out());

            ledger.replaceTransaction(new LedgerTransaction(proof.txId(), 12, "MVCC_READ_CONFLICT", "registry", "registry",
                    TX_TIME, ENDORSERS));
            Run invalid = verify(proof, document);
            assertEquals(1, invalid.status(), invalid.out());
            assertTrue(invalid.line(ProofVerifier.TRANSACTION).contains("MVCC_READ_CONFLICT, not VALID"), invalid.out());
        }

        @Test
        void failsTheEndorsersWhenTheProofNamesOthers() throws IOException {
            ProofReceipt proof = notarised();
            Run run = verify(with(proof, proof.ledgerHash(), proof.txId(), 12L, List.of("AuditMSP", "LandMSP"), Optional.empty()),
                    document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.ENDORSERS).contains("endorsed by AuditMSP, JusticeMSP, but the proof says"
                    + " AuditMSP, LandMSP"), run.out());
        }

        @Test
        void thatIsNotAProofListsWhatIsWrongAndNeverReadsTheLedger() throws IOException {
            JsonObject broken = Json.createObjectBuilder(notarised().toJsonObject()).remove("sha256")
                    .add("record", Json.createObjectBuilder().add("key", NOTARISATION_KEY).add("version", 0)
                            .add("ledgerHash", "ABC")).build();
            Path proofFile = Files.writeString(dir.resolve("broken.json"), broken.toString());
            List<String> args = new ArrayList<>(List.of("--proof", proofFile.toString()));
            args.addAll(peerArgs());

            Run run = run(args.toArray(String[]::new));

            assertEquals(1, run.status(), run.out());
            String line = run.line(ProofVerifier.PROOF_FILE);
            assertTrue(line.startsWith("FAIL"), run.out());
            assertTrue(line.contains("sha256: sha256 is missing"), line);
            assertTrue(line.contains("record.ledgerHash"), line);
            assertTrue(line.contains("record.version"), line);
            assertTrue(connections.isEmpty(), "no ledger read for a file that is not a proof");
        }
    }

    @Nested
    class ARecordNoLongerValid {

        @Test
        void revokedFailsTheStatusWithTheReason() throws IOException {
            ProofReceipt proof = notarised();
            ledger.write(NOTARISATION_KEY, "notarisation", 2, sha256("v2".getBytes(StandardCharsets.UTF_8)), "revoked",
                    txId("revoke"), TX_TIME.plusSeconds(3600), 20, ENDORSERS,
                    notaryFields(sha256(document), "Signed under duress", null));

            Run run = verify(proof, document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.has("PASS", ProofVerifier.LEDGER_ENTRY), "version 1 was registered:\n" + run.out());
            String status = run.line(ProofVerifier.STATUS);
            assertTrue(status.startsWith("FAIL"), run.out());
            assertTrue(status.contains("NOT VALID ANY MORE") && status.contains("revoked") && status.contains("Signed under duress"),
                    status);
            assertTrue(run.out().contains("checks failed: status now"), run.out());
        }

        @Test
        void supersededFailsTheStatusNamingTheReplacement() throws IOException {
            ProofReceipt proof = notarised();
            ledger.write(NOTARISATION_KEY, "notarisation", 2, sha256("v2".getBytes(StandardCharsets.UTF_8)), "superseded",
                    txId("supersede"), TX_TIME.plusSeconds(3600), 21, ENDORSERS,
                    notaryFields(sha256(document), "Corrected date", "notarisation:2026-000043"));

            Run run = verify(proof, document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.STATUS).contains("superseded by notarisation:2026-000043"), run.out());
        }

        @Test
        void aKeyTheLedgerNeverHeldFailsTheLedgerAndStatusChecks() throws IOException {
            ProofReceipt proof = notarised();
            ProofReceipt elsewhere = new ProofReceipt(proof.sha256(), proof.foundAs(), "notarisation:2026-999999", 1,
                    proof.ledgerHash(), "registry", "registry", proof.txId(), 12L, TX_TIME, ENDORSERS, Optional.empty(),
                    Optional.empty(), ISSUED, "x");

            Run run = verify(elsewhere, document);

            assertEquals(1, run.status(), run.out());
            assertTrue(run.line(ProofVerifier.LEDGER_ENTRY).contains("has no record notarisation:2026-999999"), run.out());
            assertTrue(run.has("FAIL", ProofVerifier.STATUS), run.out());
        }
    }

    @Nested
    class CannotCheck {

        @Test
        void anUnreadableProofFileExitsTwoWithAMessage() {
            List<String> args = new ArrayList<>(List.of("--proof", dir.resolve("missing.json").toString()));
            args.addAll(peerArgs());

            Run run = run(args.toArray(String[]::new));

            assertEquals(2, run.status());
            assertTrue(run.err().contains("cannot read the proof file") && run.err().contains("no such file"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace");
            assertTrue(connections.isEmpty());
        }

        @Test
        void anUnreadableDocumentExitsTwo() throws IOException {
            Path proofFile = Files.writeString(dir.resolve("proof.json"), notarised().toJson());
            List<String> args = new ArrayList<>(List.of("--proof", proofFile.toString(), "--file", dir.resolve("gone.pdf").toString()));
            args.addAll(peerArgs());

            Run run = run(args.toArray(String[]::new));

            assertEquals(2, run.status());
            assertTrue(run.err().contains("cannot read the file"), run.err());
        }

        @Test
        void badArgumentsExitTwoWithTheReason() {
            assertUsage("--proof is required", "--peer", "h:1", "--tls-ca", "a", "--msp", "M", "--cert", "c", "--key", "k");
            assertUsage("unknown option --verbose", "--proof", "p.json", "--verbose");
            assertUsage("--file needs a value", "--proof", "p.json", "--file");
            assertUsage("--proof is given twice", "--proof", "p.json", "--proof", "q.json");
            assertUsage("missing --tls-ca, --cert, --key", "--proof", "p.json", "--peer", "h:1", "--msp", "AuditMSP");
            assertUsage("--peer must be HOST:PORT", "--proof", "p.json", "--peer", "localhost", "--tls-ca", "a", "--msp", "M",
                    "--cert", "c", "--key", "k");
            assertUsage("--connection and --identity go together", "--proof", "p.json", "--connection", "c.json");
            assertUsage("not both", "--proof", "p.json", "--connection", "c.json", "--identity", "inspector", "--peer", "h:1");
            assertUsage("unexpected argument proof.json", "proof.json");
        }

        void assertUsage(String message, String... args) {
            Run run = run(args);
            assertEquals(2, run.status(), String.join(" ", args));
            assertTrue(run.err().startsWith("druk-verify: ") && run.err().contains(message), run.err());
            assertEquals("", run.out());
        }

        @Test
        void aPeerThatCannotBeReadExitsTwoAfterTheOfflineChecks() throws IOException {
            ledger.failure = new LedgerReadException("cannot read GetHistory from peer 127.0.0.1:10051 (UNAVAILABLE: io exception)");
            Run run = verify(notarised(), document);

            assertEquals(2, run.status(), run.out());
            assertTrue(run.has("PASS", ProofVerifier.OFFLINE), run.out());
            assertFalse(run.out().contains("RESULT"), run.out());
            assertTrue(run.err().contains("UNAVAILABLE") && run.err().contains("could not be completed"), run.err());
            assertTrue(ledger.closed);
        }

        @Test
        void aConnectionFileWithoutTheIdentityExitsTwo() throws IOException {
            Path proofFile = Files.writeString(dir.resolve("proof.json"), notarised().toJson());
            Path connection = Files.writeString(dir.resolve("connection.json"), connectionFile());

            Run run = run("--proof", proofFile.toString(), "--connection", connection.toString(), "--identity", "auditor.general");

            assertEquals(2, run.status());
            assertTrue(run.err().contains("no identity named auditor.general"), run.err());
        }
    }

    @Test
    void theConnectionFileGivesTheIdentitysOwnOrganisationsPeerAndTheNetworksChannel() throws IOException {
        Path proofFile = Files.writeString(dir.resolve("proof.json"), notarised().toJson());
        Path connection = Files.writeString(dir.resolve("connection.json"), connectionFile());
        List<PeerSettings> opened = new ArrayList<>();

        int status = DrukVerify.run(new String[] {"--proof", proofFile.toString(), "--connection", connection.toString(),
                        "--identity", "inspector"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), (peer, channel, chaincode) -> {
                    opened.add(peer);
                    connections.add(channel + "/" + chaincode);
                    return ledger;
                });

        assertEquals(0, status);
        PeerSettings peer = opened.get(0);
        assertEquals("127.0.0.1:10051", peer.endpoint());
        assertEquals("AuditMSP", peer.mspId());
        assertEquals(Optional.of("localhost"), peer.hostOverride());
        assertEquals(dir.resolve("orgs/audit/tlsca.pem"), peer.tlsCaCert());
        assertEquals(Path.of("/net/users/inspector/cert.pem"), peer.certificate());
        assertEquals(Path.of("/net/users/inspector/key.pem"), peer.privateKey());
        assertEquals(List.of("registry/registry"), connections);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        Run run = run("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("usage: java -jar druk-verify.jar --proof"), run.out());
    }

    @Test
    void aProofFileThatIsNotUtf8IsRefusedByTheProofReader() throws IOException {
        Path proofFile = Files.write(dir.resolve("proof.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b, 0x00});
        List<String> args = new ArrayList<>(List.of("--proof", proofFile.toString()));
        args.addAll(peerArgs());

        Run run = run(args.toArray(String[]::new));

        assertEquals(1, run.status());
        assertTrue(run.line(ProofVerifier.PROOF_FILE).contains("[proof.notJson]"), run.out());
        assertNull(run.line(ProofVerifier.LEDGER_ENTRY));
    }

    @Test
    void aTenderDocumentIsTiedThroughTheRecordDocumentInTheProof() throws IOException {
        String fileHash = sha256(document);
        String recordJson = CanonicalJson.canonicalize("{\"key\":\"tender:ocds-abc123-2026-1\",\"data\":{\"documents\":[{\"sha256\":\""
                + fileHash + "\"}]},\"version\":1}");
        String recordHash = CanonicalJson.sha256Hex(recordJson);
        ledger.write("tender:ocds-abc123-2026-1", "tender", 1, recordHash, "active.tendering", txId("tender"), TX_TIME, 30,
                List.of("AuditMSP", "ProcurementMSP"), JsonValue.EMPTY_JSON_OBJECT);
        ProofReceipt proof = new ProofReceipt(fileHash, FoundAs.TENDER_DOCUMENT, "tender:ocds-abc123-2026-1", 1, recordHash,
                "registry", "registry", txId("tender"), 30L, TX_TIME, List.of("AuditMSP", "ProcurementMSP"), Optional.empty(),
                Optional.of(recordJson), ISSUED, "x");

        assertEquals(0, verify(proof, document).status());
        ProofReceipt edited = new ProofReceipt(fileHash, FoundAs.TENDER_DOCUMENT, proof.recordKey(), 1, recordHash, "registry",
                "registry", proof.txId(), 30L, TX_TIME, proof.endorsingMspIds(), Optional.empty(),
                Optional.of(recordJson.replace("\"version\":1", "\"version\":2")), ISSUED, "x");
        Run run = verify(edited, document);
        assertEquals(1, run.status());
        assertTrue(run.line(ProofVerifier.OFFLINE).contains("[proof.recordDocument.hash]"), run.out());
    }

    String connectionFile() {
        return Json.createObjectBuilder()
                .add("channel", "registry")
                .add("chaincode", "registry")
                .add("peers", Json.createObjectBuilder()
                        .add("JusticeMSP", Json.createObjectBuilder().add("endpoint", "127.0.0.1:9051")
                                .add("hostOverride", "localhost").add("tlsCaCert", "orgs/justice/tlsca.pem"))
                        .add("AuditMSP", Json.createObjectBuilder().add("endpoint", "127.0.0.1:10051")
                                .add("hostOverride", "localhost").add("tlsCaCert", "orgs/audit/tlsca.pem")))
                .add("identities", Json.createObjectBuilder()
                        .add("notary.clerk", Json.createObjectBuilder().add("mspId", "JusticeMSP")
                                .add("certificate", "/net/users/notary/cert.pem").add("privateKey", "/net/users/notary/key.pem"))
                        .add("inspector", Json.createObjectBuilder().add("mspId", "AuditMSP")
                                .add("certificate", "/net/users/inspector/cert.pem").add("privateKey", "/net/users/inspector/key.pem")))
                .build().toString();
    }
}
