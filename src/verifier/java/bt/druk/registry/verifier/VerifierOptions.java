package bt.druk.registry.verifier;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line: the proof, optionally the document, and how to reach the inspector's peer,
 * either spelled out (--peer, --tls-ca, --msp, --cert, --key) or taken from a network connection
 * file (--connection with --identity).
 */
public record VerifierOptions(Path proof, Optional<Path> file, Optional<PeerSettings> peer,
                              Optional<Path> connection, Optional<String> identity,
                              Optional<String> channel, Optional<String> chaincode) {

    /** A peer of the inspector's organisation and the inspector's identity there. */
    public record PeerSettings(String endpoint, Path tlsCaCert, Optional<String> hostOverride, String mspId,
                               Path certificate, Path privateKey) {
    }

    /** The arguments cannot be used: the message says why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = String.join("\n",
            "usage: java -jar druk-verify.jar --proof PROOF.json [--file DOCUMENT] PEER",
            "       java -jar druk-verify.jar open-tender OCID --ciphertexts DIR PEER",
            "  PEER: (--peer HOST:PORT --tls-ca PEER-TLS-CA.pem [--host-override NAME]",
            "         --msp MSPID --cert CERT.pem --key KEY.pem",
            "        | --connection CONNECTION.json --identity NAME)",
            "        [--channel NAME] [--chaincode NAME]",
            "The first checks a Druk Registry proof file offline, then on the ledger as the given peer holds it now.",
            "  Exit status: 0 every check passed, 1 a check failed, 2 the arguments, a file or the peer could not be used.",
            "open-tender opens every bid of a sealed tender again from the shares posted on the ledger and the stored",
            "envelopes DIR/<envelopeHash>.json, and prints one line per bid, as the portal's opening report does:",
            "  <bidKey> valid <price> BTN | <bidKey> invalid <reason> | <bidKey> too-few-shares | <bidKey> missing-ciphertext",
            "  Exit status: 0 every bid judged and none disagrees with the ledger's recorded result, 1 not every bid could be",
            "  judged (too few shares posted, a missing envelope), 2 the arguments, the tender or the peer could not be used,",
            "  3 a result recorded on the ledger DISAGREES with the one recomputed (named on stderr).");

    /** How to reach the inspector's peer: the options both commands take. */
    static final List<String> LEDGER_OPTIONS = List.of("--peer", "--tls-ca", "--host-override", "--msp", "--cert", "--key",
            "--connection", "--identity", "--channel", "--chaincode");
    private static final List<String> OPTIONS = Stream.concat(Stream.of("--proof", "--file"), LEDGER_OPTIONS.stream()).toList();
    private static final List<String> PEER_OPTIONS = List.of("--peer", "--tls-ca", "--msp", "--cert", "--key");

    /** @throws UsageException for an unknown, repeated, incomplete or conflicting option */
    public static VerifierOptions parse(String... args) {
        Map<String, String> values = values(OPTIONS, args);
        if (!values.containsKey("--proof")) {
            throw new UsageException("--proof is required");
        }
        Optional<PeerSettings> peer = peer(values);
        return new VerifierOptions(Path.of(values.get("--proof")), Optional.ofNullable(values.get("--file")).map(Path::of),
                peer, Optional.ofNullable(values.get("--connection")).map(Path::of),
                Optional.ofNullable(values.get("--identity")), Optional.ofNullable(values.get("--channel")),
                Optional.ofNullable(values.get("--chaincode")));
    }

    /**
     * The options' values by name, each given once as {@code --name value} or {@code --name=value}.
     *
     * @throws UsageException for an option not in {@code allowed}, a positional argument, a missing
     *                        or blank value, or an option given twice
     */
    static Map<String, String> values(List<String> allowed, String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) { // --proof=p.json as well as --proof p.json
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!allowed.contains(name)) {
                throw new UsageException(name.startsWith("-") ? "unknown option " + name : "unexpected argument " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return values;
    }

    /**
     * The peer spelled out by {@link #LEDGER_OPTIONS}, or empty when a connection file is named
     * instead (its settings are read later, by {@link ConnectionFile}).
     *
     * @throws UsageException when neither is complete, or both are given
     */
    static Optional<PeerSettings> peer(Map<String, String> values) {
        boolean anyPeerOption = values.containsKey("--host-override")
                || PEER_OPTIONS.stream().anyMatch(values::containsKey);
        if (values.containsKey("--connection") || values.containsKey("--identity")) {
            if (!values.containsKey("--connection") || !values.containsKey("--identity")) {
                throw new UsageException("--connection and --identity go together");
            }
            if (anyPeerOption) {
                throw new UsageException("give either --connection with --identity, or the peer's settings"
                        + " (--peer, --tls-ca, --msp, --cert, --key), not both");
            }
            return Optional.empty();
        }
        List<String> missing = PEER_OPTIONS.stream().filter(o -> !values.containsKey(o)).toList();
        if (!missing.isEmpty()) {
            throw new UsageException("missing " + String.join(", ", missing)
                    + " (or give --connection with --identity)");
        }
        String endpoint = values.get("--peer");
        if (!endpoint.matches("[^\\s:/]+:\\d{1,5}")) {
            throw new UsageException("--peer must be HOST:PORT, not " + endpoint);
        }
        return Optional.of(new PeerSettings(endpoint, Path.of(values.get("--tls-ca")),
                Optional.ofNullable(values.get("--host-override")), values.get("--msp"),
                Path.of(values.get("--cert")), Path.of(values.get("--key"))));
    }
}
