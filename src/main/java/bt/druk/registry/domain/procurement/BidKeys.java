package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;

/** Bid record keys: {@code bid:<ocid of its tender>:<bid number>} (the chaincode splits at the last colon). */
public final class BidKeys {

    public static final String KIND = RecordKind.BID.code();

    private BidKeys() {
    }

    public static RecordKey of(String ocid, int bidNumber) {
        return new RecordKey(KIND, ocid + ":" + bidNumber);
    }

    public static boolean belongsTo(RecordKey bidKey, String ocid) {
        return bidKey.isKind(KIND) && bidKey.id().startsWith(ocid + ":") && bidKey.id().lastIndexOf(':') == ocid.length();
    }

    /** The ocid of the tender a bid key belongs to. */
    public static String ocidOf(RecordKey bidKey) {
        return bidKey.id().substring(0, bidKey.id().lastIndexOf(':'));
    }

    /** The bid's number within its tender. */
    public static String numberOf(RecordKey bidKey) {
        return bidKey.id().substring(bidKey.id().lastIndexOf(':') + 1);
    }
}
