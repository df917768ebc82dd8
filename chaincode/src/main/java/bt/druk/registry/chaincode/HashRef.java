package bt.druk.registry.chaincode;

import java.util.Map;
import java.util.TreeMap;

/** One FindByHash result: a record version whose hash (or notarised document hash) is the one asked. */
public record HashRef(String key, int version) {
    Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("key", key);
        m.put("version", version);
        return m;
    }
}
