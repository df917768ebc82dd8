package bt.druk.registry.verifier;

import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import bt.druk.registry.verifier.VerifierOptions.UsageException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line of {@code open-tender}: the tender's OCID, the folder of stored envelopes, and
 * how to reach the inspector's peer, with the same options as the proof check
 * ({@link VerifierOptions#LEDGER_OPTIONS}).
 */
public record OpenTenderOptions(String ocid, Path ciphertexts, Optional<PeerSettings> peer,
                                Optional<Path> connection, Optional<String> identity,
                                Optional<String> channel, Optional<String> chaincode) {

    private static final List<String> OPTIONS = Stream.concat(Stream.of("--ciphertexts"),
            VerifierOptions.LEDGER_OPTIONS.stream()).toList();

    /**
     * @param args the arguments after {@code open-tender}: the OCID first, then the options
     * @throws UsageException for a missing or malformed OCID, a missing {@code --ciphertexts}, or
     *                        options the proof check would refuse too
     */
    public static OpenTenderOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new UsageException("open-tender needs the tender's OCID first, e.g. open-tender ocds-drk001-2026-0007");
        }
        String ocid = args[0];
        // An envelope is sealed for its OCID in this form, so no other tender can have sealed bids.
        if (!SealedEnvelope.OCID.matcher(ocid).matches()) {
            throw new UsageException("not an OCID: " + ocid + " (ocds-<6 characters a-z 0-9>-<the tender's id>)");
        }
        Map<String, String> values = VerifierOptions.values(OPTIONS, Arrays.copyOfRange(args, 1, args.length));
        if (!values.containsKey("--ciphertexts")) {
            throw new UsageException("--ciphertexts is required: the folder of the stored envelopes, <envelopeHash>.json");
        }
        Optional<PeerSettings> peer = VerifierOptions.peer(values);
        return new OpenTenderOptions(ocid, Path.of(values.get("--ciphertexts")), peer,
                Optional.ofNullable(values.get("--connection")).map(Path::of), Optional.ofNullable(values.get("--identity")),
                Optional.ofNullable(values.get("--channel")), Optional.ofNullable(values.get("--chaincode")));
    }

    /** The tender's ledger key. */
    public String tenderKey() {
        return "tender:" + ocid;
    }
}
