package bt.druk.registry.verifier;

import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeOpener;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.OpeningResult;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import bt.druk.registry.verifier.VerifierOptions.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code java -jar druk-verify.jar open-tender OCID --ciphertexts DIR …}: opens every bid of a
 * sealed tender again from what anyone can hold, the shares its key holders posted on the ledger
 * ({@code GetOpeningShares}), each bid's envelope hash ({@code GetRecord}) and the stored envelopes,
 * so that nobody has to take the portal's opening on trust (issue 25, item 5).
 * <p>
 * Standard output is exactly one line per bid in bid key order (string order, the chaincode's: {@code :10}
 * before {@code :2}), {@link BidVerdict#line()} or
 * {@code <bidKey> missing-ciphertext}: the lines the portal's opening report prints, so the two can
 * be compared with {@code diff}. Everything else (what was read, why a bid is invalid, shares set
 * aside, {@code DISAGREES} lines, the summary) goes to standard error.
 * <p>
 * Every ledger read is made before the first bid is opened: a peer that stops answering half way
 * leaves no half report on standard output.
 */
public final class OpenTender {

    public static final String COMMAND = "open-tender";

    /** Every bid was judged, and every result already recorded on the ledger is the one recomputed. */
    public static final int ALL_JUDGED = 0;
    /** Some bid has no verdict: too few shares posted, or its envelope is not in the folder. */
    public static final int NOT_ALL_JUDGED = 1;
    /** The arguments, the tender or the peer could not be used: nothing is concluded. */
    public static final int CANNOT_CHECK = DrukVerify.CANNOT_CHECK;
    /** A result recorded on the ledger is not the one recomputed from the ledger's own shares. */
    public static final int DISAGREES = 3;

    static final String MISSING_CIPHERTEXT = "missing-ciphertext";
    private static final String DEFAULT_NAME = "registry";

    /** A bid to open: its key, the ledger's envelope hash, and the result recorded on the ledger (null until opened). */
    private record Bid(String key, String envelopeHash, JsonObject recorded, List<KeyShare> shares) {
    }

    private final LedgerReader ledger;
    private final OpenTenderOptions options;
    private final PrintStream out;
    private final PrintStream err;

    private OpenTender(LedgerReader ledger, OpenTenderOptions options, PrintStream out, PrintStream err) {
        this.ledger = ledger;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** @param args the arguments after {@code open-tender} */
    public static int run(String[] args, PrintStream out, PrintStream err, DrukVerify.Connector connector) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(VerifierOptions.USAGE);
            return ALL_JUDGED;
        }
        OpenTenderOptions options;
        DrukVerify.Reach reach;
        try {
            options = OpenTenderOptions.parse(args);
            reach = DrukVerify.reach(options.peer(), options.connection(), options.identity());
            if (!Files.isDirectory(options.ciphertexts())) {
                throw new UsageException("--ciphertexts " + options.ciphertexts() + " is not a folder");
            }
        } catch (UsageException e) {
            err.println("druk-verify: " + e.getMessage());
            err.println("(java -jar druk-verify.jar --help for the usage)");
            return CANNOT_CHECK;
        }
        PeerSettings peer = reach.peer();
        String channel = options.channel().orElse(reach.channel().orElse(DEFAULT_NAME));
        String chaincode = options.chaincode().orElse(reach.chaincode().orElse(DEFAULT_NAME));
        err.println("Opening the bids of " + options.tenderKey() + " again, reading the ledger as " + peer.mspId() + " from "
                + peer.endpoint() + ", channel " + channel + ", chaincode " + chaincode + ", envelopes from "
                + options.ciphertexts());
        try (LedgerReader ledger = connector.open(peer, channel, chaincode)) {
            return new OpenTender(ledger, options, out, err).open();
        } catch (LedgerReadException e) {
            err.println("druk-verify: " + e.getMessage());
            err.println("druk-verify: the tender could not be opened again; nothing is concluded");
            return CANNOT_CHECK;
        } catch (RuntimeException e) {
            err.println("druk-verify: reading the ledger failed: " + e);
            return CANNOT_CHECK;
        }
    }

    private int open() {
        String tenderKey = options.tenderKey();
        Optional<String> tenderText = ledger.record(tenderKey);
        if (tenderText.isEmpty()) {
            err.println("druk-verify: " + ledger.source() + " has no " + tenderKey + " (GetRecord finds none)");
            return CANNOT_CHECK;
        }
        JsonObject tender = object(tenderText.get(), "GetRecord(" + tenderKey + ")");
        if (tender.get("sealed") != JsonValue.TRUE || !(tender.get("opening") instanceof JsonObject opening)) {
            err.println("druk-verify: " + tenderKey + " is not a sealed tender (its bids are commit-reveal): there is"
                    + " nothing to open");
            return CANNOT_CHECK;
        }
        int k = opening.getInt("threshold", -1);
        JsonArray holders = opening.getJsonArray("holders");
        if (k < 1 || holders == null) {
            throw new LedgerReadException(tenderKey + "'s opening on " + ledger.source() + " has no threshold or holders: "
                    + opening);
        }

        JsonArray posted = array(ledger.openingShares(tenderKey).orElseThrow(() -> new LedgerReadException(
                ledger.source() + " finds no " + tenderKey + " for GetOpeningShares")), "GetOpeningShares(" + tenderKey + ")");
        if (posted.isEmpty()) {
            err.println(tenderKey + ": 0 of " + k + " holders have posted their shares (" + holders.size()
                    + " holders named); no bid can be opened yet");
            err.println("RESULT: NOT ALL JUDGED - no bid can be opened yet");
            return NOT_ALL_JUDGED;
        }
        List<String> who = new ArrayList<>();
        for (JsonValue value : posted) {
            JsonObject holder = value.asJsonObject();
            who.add(holder.getInt("holderIndex", -1) + " (" + holder.getString("msp", "?") + ", tx " + holder.getString("txId", "?")
                    + ")");
        }
        err.println(posted.size() + " of " + holders.size() + " holders have posted their shares (" + k + " needed): holder "
                + String.join(", ", who));

        List<Bid> bids = bids(tenderKey, posted);
        int valid = 0;
        int invalid = 0;
        int notJudged = 0;
        int agree = 0;
        int disagree = 0;
        for (Bid bid : bids) {
            Optional<BidVerdict> judged = judge(tenderKey, bid);
            if (judged.isEmpty()) {
                notJudged++;
                continue;
            }
            BidVerdict verdict = judged.get();
            switch (verdict.kind()) {
                case VALID -> valid++;
                case INVALID -> invalid++;
                case TOO_FEW_SHARES -> notJudged++;
            }
            if (bid.recorded() != null) {
                String ledgerSays = recordedVerdict(bid.recorded());
                String recomputed = verdict.line().substring(bid.key().length() + 1);
                if (ledgerSays.equals(recomputed)) {
                    agree++;
                } else {
                    disagree++;
                    err.println("DISAGREES " + bid.key() + ": ledger says " + ledgerSays + ", recomputed " + recomputed);
                }
            }
        }
        err.println(bids.size() + " bids: " + valid + " valid, " + invalid + " invalid, " + notJudged + " not judged; "
                + (agree + disagree) + " results recorded on the ledger, " + disagree + " of them disagree");
        if (disagree > 0) {
            err.println("RESULT: DISAGREES - " + disagree + " of the ledger's recorded results are not the ones recomputed");
            return DISAGREES;
        }
        if (notJudged > 0) {
            err.println("RESULT: NOT ALL JUDGED - " + notJudged + " of " + bids.size() + " bids have no verdict");
            return NOT_ALL_JUDGED;
        }
        err.println("RESULT: ALL JUDGED - every bid opened again" + (agree > 0 ? ", as the ledger records" : ""));
        return ALL_JUDGED;
    }

    /**
     * Every bid in the posted share records (the chaincode makes each holder post exactly the bids not
     * withdrawn), in bid key order, with its ledger record and the non-null shares of it.
     */
    private List<Bid> bids(String tenderKey, JsonArray posted) {
        TreeMap<String, List<KeyShare>> shares = new TreeMap<>();
        for (JsonValue value : posted) {
            JsonObject holder = value.asJsonObject();
            int index = holder.getInt("holderIndex", -1);
            if (!(holder.get("shares") instanceof JsonObject byBid)) {
                throw new LedgerReadException("holder " + index + "'s share record of " + tenderKey + " has no shares");
            }
            for (Map.Entry<String, JsonValue> e : byBid.entrySet()) {
                List<KeyShare> ofBid = shares.computeIfAbsent(e.getKey(), key -> new ArrayList<>());
                if (e.getValue() instanceof JsonString share) {
                    try {
                        ofBid.add(KeyShare.fromBytes(Base64.getUrlDecoder().decode(share.getString())));
                    } catch (IllegalArgumentException bad) {
                        err.println("  " + e.getKey() + ": holder " + index + "'s posted share is not a share (" + bad.getMessage()
                                + "); set aside");
                    }
                }
            }
        }
        List<Bid> bids = new ArrayList<>();
        for (Map.Entry<String, List<KeyShare>> e : shares.entrySet()) {
            String key = e.getKey();
            JsonObject record = object(ledger.record(key).orElseThrow(() -> new LedgerReadException(
                    "the holders posted shares of " + key + ", but " + ledger.source() + " has no such record")), "GetRecord(" + key + ")");
            if (!tenderKey.equals(record.getString("tenderKey", null))) {
                throw new LedgerReadException(key + " on " + ledger.source() + " is not a bid of " + tenderKey);
            }
            String envelopeHash = record.getString("envelopeHash", "");
            // The hash names the file: only 64 hex characters, never a path.
            if (!CanonicalJson.isSha256Hex(envelopeHash)) {
                throw new LedgerReadException(key + " on " + ledger.source() + " has no envelopeHash of 64 lowercase hex characters");
            }
            JsonObject recorded = record.get("result") instanceof JsonObject result ? result : null;
            bids.add(new Bid(key, envelopeHash, recorded, List.copyOf(e.getValue())));
        }
        return bids;
    }

    /** Prints the bid's line; empty (after printing {@code missing-ciphertext}) when its envelope cannot be read. */
    private Optional<BidVerdict> judge(String tenderKey, Bid bid) {
        Path file = options.ciphertexts().resolve(bid.envelopeHash() + ".json");
        String text;
        try {
            // Read leniently: bytes that are not UTF-8 then fail the hash, which is the verdict they deserve.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println(bid.key() + " " + MISSING_CIPHERTEXT);
            err.println("  " + bid.key() + ": cannot read its envelope " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.toString()));
            return Optional.empty();
        }
        OpeningResult result = EnvelopeOpener.open(text, bid.envelopeHash(), bid.shares());
        String lodgedBy = bid.recorded() == null ? null : bid.recorded().getString("supplierId", null);
        BidVerdict verdict = BidVerdict.judge(bid.key(), options.ocid(), result, lodgedBy);
        out.println(verdict.line());
        if (verdict.detail() != null) {
            err.println("  " + bid.key() + ": " + verdict.detail());
        }
        for (OpeningResult.RejectedShare rejected : result.rejectedShares()) {
            err.println("  " + bid.key() + ": holder " + rejected.index() + "'s share set aside: " + rejected.reason());
        }
        return Optional.of(verdict);
    }

    /** The ledger's result in the form of a report line after the bid key: {@code valid <price> <currency>} or {@code invalid <reason>}. */
    static String recordedVerdict(JsonObject result) {
        if (result.get("valid") == JsonValue.TRUE) {
            return "valid " + result.getString("price", "?") + " " + result.getString("currency", "?");
        }
        return "invalid " + result.getString("reason", "?");
    }

    private JsonObject object(String text, String what) {
        JsonValue value = json(text, what);
        if (!(value instanceof JsonObject o)) {
            throw new LedgerReadException("the peer's answer to " + what + " is not a JSON object");
        }
        return o;
    }

    private JsonArray array(String text, String what) {
        JsonValue value = json(text, what);
        if (!(value instanceof JsonArray a) || a.stream().anyMatch(v -> !(v instanceof JsonObject))) {
            throw new LedgerReadException("the peer's answer to " + what + " is not a JSON array of objects");
        }
        return a;
    }

    private static JsonValue json(String text, String what) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new LedgerReadException("the peer's answer to " + what + " is not JSON: " + e.getMessage(), e);
        }
    }
}
