package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.network.NetworkScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built druk-verify.jar, run as an inspector would run it, against the real network: a
 * notarisation and a batch anchor registered directly on the ledger (ids of this run), their proof
 * files made from what the ledger says, then checked; tampered proofs and a revoked notarisation fail.
 */
class StandaloneVerifierIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Path JAR = Path.of(System.getProperty("druk.build.dir", "target"), "druk-verify.jar");

    static RealLedger realLedger;
    static FabricLedger ledger;
    static Path connection;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the package phase first");
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
        connection = NetworkScript.connectionFile();
    }

    @AfterAll
    static void close() {
        if (realLedger != null) {
            realLedger.close();
        }
    }

    record Run(int status, String out, String err) {
        String line(String outcome, String check) {
            return out.lines().filter(l -> l.startsWith(outcome) && l.substring(6).startsWith(check + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + outcome + " " + check + " line in:\n" + out + err));
        }
    }

    @Test
    void aNotarisedDocumentPassesEveryCheckAndFailsOnceRevoked() throws Exception {
        byte[] document = ("Power of attorney, verifier IT " + RUN + " " + Instant.now()).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("power-of-attorney.pdf"), document);
        String key = "notarisation:IT-VERIFY-" + RUN;
        String v1 = sha256(("record " + key + " v1").getBytes(StandardCharsets.UTF_8));
        SubmissionOutcome.Committed registered = commit(LedgerCall.of("RegisterNotarisation", key, v1, sha256(document), "THIMPHU"));
        ProofReceipt proof = proofOf(key, FoundAs.NOTARISATION, sha256(document), v1, registered, Optional.empty());
        Path proofFile = Files.writeString(dir.resolve("proof.json"), proof.toJson());

        Run run = verify("--proof", proofFile.toString(), "--file", file.toString());

        assertEquals(0, run.status(), run.out() + run.err());
        run.line("PASS", "proof file");
        run.line("PASS", "file hash");
        run.line("PASS", "offline tie");
        assertTrue(run.line("PASS", "ledger entry").contains("wrote version 1 of " + key + " with hash " + v1), run.out());
        assertTrue(run.line("PASS", "document hash").contains(sha256(document)), run.out());
        assertTrue(run.line("PASS", "status now").contains("valid: " + key + " is registered"), run.out());
        assertTrue(run.line("PASS", "transaction").contains("in block " + registered.blockNumber() + ", validated VALID"), run.out());
        assertTrue(run.line("PASS", "endorsers").contains("AuditMSP, JusticeMSP"), run.out());
        assertTrue(run.out().contains("RESULT: PASS - all 8 checks passed"), run.out());

        // The same proof for another file: one byte changed.
        byte[] edited = document.clone();
        edited[edited.length - 1] ^= 1;
        Run otherFile = verify("--proof", proofFile.toString(), "--file", Files.write(dir.resolve("edited.pdf"), edited).toString());
        assertEquals(1, otherFile.status(), otherFile.out() + otherFile.err());
        assertTrue(otherFile.line("FAIL", "file hash").contains(sha256(edited)), otherFile.out());
        assertTrue(otherFile.out().contains("checks failed: file hash"), otherFile.out());

        // A transaction id edited into the proof: the id of another real transaction.
        String otherTx = commit(LedgerCall.of("AnchorBatch", "anchor:IT-VERIFY-TX-" + RUN, sha256(edited), "1", "THIMPHU")).txId();
        Path retold = Files.writeString(dir.resolve("retold.json"), proof.toJson().replace(proof.txId(), otherTx));
        Run wrongTx = verify("--proof", retold.toString(), "--file", file.toString());
        assertEquals(1, wrongTx.status(), wrongTx.out() + wrongTx.err());
        assertTrue(wrongTx.line("FAIL", "ledger entry").contains("no write by transaction " + otherTx), wrongTx.out());

        // Revoked on the ledger: the proof is still of what was registered, but it is no longer valid.
        String v2 = sha256(("record " + key + " v2").getBytes(StandardCharsets.UTF_8));
        commit(LedgerCall.of("RevokeNotarisation", key, "2", v2, v1, "Revoked by the verifier IT"));
        awaitVersion(key, 2);
        Run revoked = verify("--proof", proofFile.toString(), "--file", file.toString());
        assertEquals(1, revoked.status(), revoked.out() + revoked.err());
        revoked.line("PASS", "ledger entry");
        assertTrue(revoked.line("FAIL", "status now").contains("NOT VALID ANY MORE: " + key + " was revoked"), revoked.out());
        assertTrue(revoked.line("FAIL", "status now").contains("Revoked by the verifier IT"), revoked.out());
        assertTrue(revoked.out().contains("1 of 8 checks failed: status now"), revoked.out());
    }

    @Test
    void aBatchMemberPassesWithThePeerSpelledOutAndFailsWithAnEditedAuditPath() throws Exception {
        List<byte[]> documents = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            documents.add(("Court filing " + i + " of batch " + RUN).getBytes(StandardCharsets.UTF_8));
            hashes.add(sha256(documents.get(i)));
        }
        MerkleTree tree = MerkleTree.ofDocumentHashes(hashes);
        String key = "anchor:IT-VERIFY-" + RUN;
        SubmissionOutcome.Committed anchored = commit(LedgerCall.of("AnchorBatch", key, tree.rootHex(), "4", "THIMPHU"));
        Path file = Files.write(dir.resolve("filing-2.pdf"), documents.get(2));
        ProofReceipt proof = proofOf(key, FoundAs.BATCH_MEMBER, hashes.get(2), tree.rootHex(), anchored,
                Optional.of(tree.inclusionProof(2)));
        Path proofFile = Files.writeString(dir.resolve("member.json"), proof.toJson());

        Run run = verify(peerArguments("--proof", proofFile.toString(), "--file", file.toString()));

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.line("PASS", "offline tie").contains("leaf 2 of 4"), run.out());
        assertTrue(run.line("PASS", "ledger entry").contains("with hash " + tree.rootHex()), run.out());
        assertTrue(run.line("PASS", "status now").contains("anchored"), run.out());
        assertTrue(run.line("PASS", "transaction").contains("in block " + anchored.blockNumber()), run.out());
        assertTrue(run.line("PASS", "endorsers").contains("AuditMSP, JusticeMSP"), run.out());
        assertTrue(run.out().contains("RESULT: PASS - all 7 checks passed"), run.out());

        InclusionProof inclusion = proof.inclusion().orElseThrow();
        List<String> path = new ArrayList<>(inclusion.auditPath());
        path.set(0, hashes.get(0)); // a real hash of the batch, in the wrong place
        ProofReceipt tampered = new ProofReceipt(proof.sha256(), proof.foundAs(), proof.recordKey(), proof.version(),
                proof.ledgerHash(), proof.channel(), proof.chaincode(), proof.txId(), proof.blockNumber(), proof.txTime(),
                proof.endorsingMspIds(), Optional.of(new InclusionProof(inclusion.leaf(), inclusion.leafIndex(),
                inclusion.treeSize(), path, inclusion.root())), Optional.empty(), proof.issuedAt(), proof.issuer());
        Run edited = verify("--proof", Files.writeString(dir.resolve("tampered.json"), tampered.toJson()).toString(),
                "--file", file.toString());
        assertEquals(1, edited.status(), edited.out() + edited.err());
        assertTrue(edited.line("FAIL", "offline tie").contains("[merkle."), edited.out());
        assertTrue(edited.out().contains("checks failed: offline tie"), edited.out());
    }

    @Test
    void aPeerThatDoesNotAnswerExitsTwoWithAMessage() throws Exception {
        byte[] document = ("unanchored " + RUN).getBytes(StandardCharsets.UTF_8);
        ProofReceipt proof = new ProofReceipt(sha256(document), FoundAs.RECORD_DOCUMENT, "land-title:IT-VERIFY-" + RUN, 1,
                sha256(document), "registry", "registry", sha256(document), 1L, null, List.of(), Optional.empty(),
                Optional.empty(), Instant.now(), "StandaloneVerifierIT");
        Path proofFile = Files.writeString(dir.resolve("nowhere.json"), proof.toJson());
        List<String> args = new ArrayList<>(List.of(peerArguments("--proof", proofFile.toString())));
        args.set(args.indexOf("--peer") + 1, "127.0.0.1:1");

        Run run = verify(args.toArray(String[]::new));

        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("UNAVAILABLE"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.err());
    }

    /** The auditor's peer (where the reader identity and the inspector read) has the write too. */
    static LedgerEntry awaitVersion(String key, int version) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Optional<LedgerEntry> entry = ledger.readRecord(key);
            if (entry.isPresent() && entry.get().version() >= version) {
                return entry.get();
            }
            if (System.nanoTime() > until) {
                throw new AssertionError(key + " version " + version + " not on the auditor's peer: " + entry);
            }
            Thread.sleep(200);
        }
    }

    static SubmissionOutcome.Committed commit(LedgerCall call) {
        SubmissionOutcome outcome = ledger.submit(call, "notary.clerk");
        return assertInstanceOf(SubmissionOutcome.Committed.class, outcome, call + " → " + outcome);
    }

    /** The proof file the portal would issue, from what the ledger says about the write. */
    static ProofReceipt proofOf(String key, FoundAs foundAs, String documentHash, String ledgerHash,
                                SubmissionOutcome.Committed committed, Optional<InclusionProof> inclusion)
            throws InterruptedException {
        LedgerEntry entry = awaitVersion(key, 1);
        CommittedTransaction tx = ledger.transaction(committed.txId()).orElseThrow();
        return new ProofReceipt(documentHash, foundAs, key, entry.version(), ledgerHash, "registry", "registry", committed.txId(),
                tx.blockNumber(), entry.txTime(), tx.endorsingMspIds(), inclusion, Optional.empty(), Instant.now(),
                "StandaloneVerifierIT");
    }

    /** The inspector's peer and credentials spelled out, as read from the network's connection file. */
    static String[] peerArguments(String... first) throws IOException {
        JsonObject root;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(connection))) {
            root = reader.readObject();
        }
        JsonObject inspector = root.getJsonObject("identities").getJsonObject("inspector");
        JsonObject peer = root.getJsonObject("peers").getJsonObject(inspector.getString("mspId"));
        List<String> args = new ArrayList<>(List.of(first));
        args.addAll(List.of("--peer", peer.getString("endpoint"), "--tls-ca", peer.getString("tlsCaCert"),
                "--host-override", peer.getString("hostOverride"), "--msp", inspector.getString("mspId"),
                "--cert", inspector.getString("certificate"), "--key", inspector.getString("privateKey"),
                "--channel", root.getString("channel"), "--chaincode", root.getString("chaincode")));
        return args.toArray(String[]::new);
    }

    /** Runs the jar; with no peer arguments, the inspector's from the connection file. */
    Run verify(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        if (!command.contains("--peer")) {
            command.addAll(List.of("--connection", connection.toString(), "--identity", "inspector"));
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("druk-verify.jar did not finish: " + Files.readString(out) + Files.readString(err));
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        // In the test's output, for whoever reads a failure.
        System.out.println("$ druk-verify " + String.join(" ", args) + "\n" + run.out() + run.err() + "(exit " + run.status() + ")");
        return run;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
