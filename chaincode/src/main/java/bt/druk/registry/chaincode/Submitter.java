package bt.druk.registry.chaincode;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The submitting identity as written on the ledger: MSP id and certificate subject common name. */
public record Submitter(String mspId, String subject) {
    public Submitter {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(subject, "subject");
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("mspId", mspId);
        m.put("subject", subject);
        return m;
    }

    static Submitter fromMap(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalStateException("submitter is not an object");
        }
        return new Submitter(String.valueOf(m.get("mspId")), String.valueOf(m.get("subject")));
    }
}
