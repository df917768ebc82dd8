package bt.druk.registry.chaincode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the bids of a sealed tender are opened: any {@code threshold} (k) of its {@code holders} (n)
 * post their shares after the bid deadline, and then every bid can be opened. Holder i (1-based) is
 * the i-th of the list and holds share i of every bid's data key (docs/sealed-envelope.md, the
 * share's x-coordinate); staff of its organisation post its shares. Stored on the tender as
 * {@code "opening":{"holders":[{"keyHash":"<hex>","msp":"ProcurementMSP"},...],"threshold":k}}.
 */
public record Opening(int threshold, List<Holder> holders) {
    public static final int MIN_HOLDERS = 2;
    public static final int MAX_HOLDERS = 10;
    /** Ten holders with their members fit in well under a kilobyte. */
    static final int MAX_JSON = 4096;

    static final String THRESHOLD = "threshold";
    static final String HOLDERS = "holders";
    static final String MSP = "msp";
    static final String KEY_HASH = "keyHash";

    /**
     * One opening key holder.
     *
     * @param msp     the organisation whose staff post this holder's shares
     * @param keyHash SHA-256 of the holder's public key (SPKI DER): the envelope's {@code publicKeySha256}
     */
    public record Holder(String msp, String keyHash) {
    }

    public Opening {
        holders = List.copyOf(holders);
    }

    /** The number of holders. */
    public int n() {
        return holders.size();
    }

    /** Holder {@code index}, 1-based. */
    public Holder holder(int index) {
        return holders.get(index - 1);
    }

    /**
     * {@code openingJson} = {@code {"threshold":k,"holders":[{"msp":"…","keyHash":"<64 hex>"},…]}}:
     * 2 ≤ k ≤ n ≤ 10; every msp one of the consortium's ({@link Register#CONSORTIUM_MSPS}), at least
     * two distinct ones (no single organisation can open the bids); key hashes lowercase hex SHA-256,
     * all distinct. Anything else is {@code [INVALID_ARGUMENT]}.
     */
    public static Opening parse(String openingJson) {
        Map<String, Object> o = Args.object("openingJson", Args.json("openingJson", openingJson, MAX_JSON),
                Set.of(THRESHOLD, HOLDERS));
        if (!(o.get(HOLDERS) instanceof List<?> list) || list.size() < MIN_HOLDERS || list.size() > MAX_HOLDERS) {
            throw ErrorCode.INVALID_ARGUMENT.error("openingJson: holders must be an array of %d to %d holders",
                    MIN_HOLDERS, MAX_HOLDERS);
        }
        if (!(o.get(THRESHOLD) instanceof Integer k) || k < MIN_HOLDERS || k > list.size()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "openingJson: threshold must be an integer from %d to the number of holders (%d), got %s", MIN_HOLDERS,
                    list.size(), Args.clip(String.valueOf(o.get(THRESHOLD))));
        }
        List<Holder> holders = new ArrayList<>();
        Set<String> keyHashes = new HashSet<>();
        for (int i = 1; i <= list.size(); i++) {
            String name = "openingJson: holder " + i;
            Map<String, Object> h = Args.object(name, list.get(i - 1), Set.of(MSP, KEY_HASH));
            if (!(h.get(MSP) instanceof String msp) || !Register.CONSORTIUM_MSPS.contains(msp)) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s: msp must be one of %s, got '%s'", name, Register.CONSORTIUM_MSPS,
                        Args.clip(String.valueOf(h.get(MSP))));
            }
            if (!(h.get(KEY_HASH) instanceof String keyHash) || !Args.HASH.matcher(keyHash).matches()) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s: keyHash must be a lowercase hex SHA-256 (64 characters 0-9a-f)", name);
            }
            if (!keyHashes.add(keyHash)) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s: keyHash %s is already the key of another holder", name, keyHash);
            }
            holders.add(new Holder(msp, keyHash));
        }
        if (holders.stream().map(Holder::msp).distinct().count() < 2) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "openingJson: the holders must come from at least two organisations; all are of %s", holders.get(0).msp());
        }
        return new Opening(k, holders);
    }

    /** The opening of {@code tender}; empty for one published with {@code PublishTender}. */
    static Optional<Opening> of(LedgerEntry tender) {
        Map<String, Object> o = tender.object(SealedOpeningRules.OPENING);
        if (!SealedOpeningRules.isSealed(tender) || o == null) {
            return Optional.empty();
        }
        List<Holder> holders = new ArrayList<>();
        for (Object h : (List<?>) o.get(HOLDERS)) {
            Map<?, ?> m = (Map<?, ?>) h;
            holders.add(new Holder((String) m.get(MSP), (String) m.get(KEY_HASH)));
        }
        return Optional.of(new Opening((Integer) o.get(THRESHOLD), holders));
    }

    /** The stored form. */
    Map<String, Object> toMap() {
        List<Object> list = new ArrayList<>();
        for (Holder h : holders) {
            Map<String, Object> m = new TreeMap<>();
            m.put(MSP, h.msp());
            m.put(KEY_HASH, h.keyHash());
            list.add(m);
        }
        Map<String, Object> m = new TreeMap<>();
        m.put(THRESHOLD, threshold);
        m.put(HOLDERS, list);
        return m;
    }
}
