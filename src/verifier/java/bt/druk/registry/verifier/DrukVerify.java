package bt.druk.registry.verifier;

import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.verifier.ProofVerifier.Check;
import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import bt.druk.registry.verifier.VerifierOptions.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar druk-verify.jar --proof proof.json [--file document] …}: prints each check with
 * PASS, FAIL (or SKIP) and a sentence. Exit status 0 when every check passed, 1 when one failed, 2
 * when the arguments, a file or the peer could not be used (a message, never a stack trace).
 * {@code java -jar druk-verify.jar open-tender OCID --ciphertexts DIR …} is {@link OpenTender}.
 */
public final class DrukVerify {

    public static final int ALL_PASSED = 0;
    public static final int CHECK_FAILED = 1;
    public static final int CANNOT_CHECK = 2;

    /** Opens the ledger reader; the real one is {@link GatewayLedgerReader#connect}. */
    @FunctionalInterface
    public interface Connector {
        LedgerReader open(PeerSettings peer, String channel, String chaincode);
    }

    private DrukVerify() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, GatewayLedgerReader::connect);
        System.out.flush();
        // gRPC may leave non-daemon threads behind: the status is the answer, so leave now.
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Connector connector) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(VerifierOptions.USAGE);
            return ALL_PASSED;
        }
        if (args.length > 0 && args[0].equals(OpenTender.COMMAND)) {
            return OpenTender.run(Arrays.copyOfRange(args, 1, args.length), out, err, connector);
        }
        VerifierOptions options;
        PeerSettings peer;
        Optional<String> networkChannel;
        Optional<String> networkChaincode;
        String proofText;
        Optional<String> fileSha256;
        try {
            options = VerifierOptions.parse(args);
            Reach reach = reach(options.peer(), options.connection(), options.identity());
            peer = reach.peer();
            networkChannel = reach.channel();
            networkChaincode = reach.chaincode();
            proofText = readProofFile(options.proof());
            fileSha256 = options.file().map(DrukVerify::sha256Of);
        } catch (UsageException e) {
            err.println("druk-verify: " + e.getMessage());
            err.println("(java -jar druk-verify.jar --help for the usage)");
            return CANNOT_CHECK;
        }

        out.println("Checking the proof " + options.proof() + (options.file().map(f -> " for the file " + f).orElse("")));
        ProofVerifier verifier = new ProofVerifier(check -> out.println(line(check)));
        Optional<ProofReceipt> read = verifier.readProof(proofText);
        if (read.isEmpty()) {
            return summary(out, verifier);
        }
        ProofReceipt proof = read.get();
        verifier.checkFile(proof, options.file().map(Path::toString), fileSha256);
        verifier.checkOffline(proof);
        // The network's channel and chaincode (given or from its connection file) are where the
        // proof's claims are looked for; the proof's own names are then compared with what is found.
        String channel = options.channel().orElse(networkChannel.orElse(proof.channel()));
        String chaincode = options.chaincode().orElse(networkChaincode.orElse(proof.chaincode()));
        out.println("Reading the ledger as " + peer.mspId() + " from " + peer.endpoint() + ", channel " + channel
                + ", chaincode " + chaincode);
        try (LedgerReader ledger = connector.open(peer, channel, chaincode)) {
            verifier.checkLedger(proof, ledger);
        } catch (LedgerReadException e) {
            err.println("druk-verify: " + e.getMessage());
            err.println("druk-verify: the ledger checks could not be completed; nothing is concluded from them");
            return CANNOT_CHECK;
        } catch (RuntimeException e) {
            err.println("druk-verify: reading the ledger failed: " + e);
            return CANNOT_CHECK;
        }
        return summary(out, verifier);
    }

    /**
     * The inspector's peer, and the channel and chaincode the network's connection file names (empty
     * when the peer is spelled out on the command line).
     */
    record Reach(PeerSettings peer, Optional<String> channel, Optional<String> chaincode) {
    }

    /** @throws UsageException if the connection file cannot be read or has no such identity or no peer for it */
    static Reach reach(Optional<PeerSettings> peer, Optional<Path> connection, Optional<String> identity) {
        if (connection.isEmpty()) {
            return new Reach(peer.orElseThrow(), Optional.empty(), Optional.empty());
        }
        ConnectionFile.Settings settings = ConnectionFile.read(connection.get(), identity.orElseThrow());
        return new Reach(settings.peer(), Optional.of(settings.channel()), Optional.of(settings.chaincode()));
    }

    static String line(Check check) {
        return String.format("%-4s  %-13s  %s", check.outcome(), check.name(), check.sentence());
    }

    private static int summary(PrintStream out, ProofVerifier verifier) {
        List<Check> failures = verifier.failures();
        long made = verifier.checks().stream().filter(c -> c.outcome() != ProofVerifier.Outcome.SKIP).count();
        if (failures.isEmpty()) {
            out.println("RESULT: PASS - all " + made + " checks passed");
            return ALL_PASSED;
        }
        out.println("RESULT: FAIL - " + failures.size() + " of " + made + " checks failed: "
                + String.join(", ", failures.stream().map(Check::name).toList()));
        return CHECK_FAILED;
    }

    private static String readProofFile(Path proof) {
        try {
            if (Files.size(proof) > 4L * ProofReceipt.MAX_TEXT_LENGTH) {
                throw new UsageException("the proof file " + proof + " is far too large for a proof (" + Files.size(proof) + " bytes)");
            }
            // Read leniently: text that is not UTF-8 is then refused by the proof's own reader, with its reasons.
            return new String(Files.readAllBytes(proof), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the proof file " + proof + ": " + describe(e));
        }
    }

    private static String sha256Of(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UsageException("cannot read the file " + file + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.toString();
    }
}
