package bt.druk.registry.testing;

import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.OpeningKeyRepository;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import bt.druk.registry.domain.record.CanonicalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sealed opening's portal-side stores, in memory. */
public final class InMemorySealedOpening {

    private InMemorySealedOpening() {
    }

    public static class Keys implements OpeningKeyRepository {
        private final Map<String, OpeningKey> keys = new ConcurrentHashMap<>();

        @Override
        public Optional<OpeningKey> find(String username) {
            return Optional.ofNullable(keys.get(username));
        }

        @Override
        public void save(OpeningKey key) {
            keys.put(key.username(), key);
        }

        @Override
        public List<OpeningKey> all() {
            return keys.values().stream().sorted(Comparator.comparing(OpeningKey::username)).toList();
        }
    }

    public static class Suppliers implements SealedBidSuppliers {
        private final Map<String, SealedBidSupplier> rows = new ConcurrentHashMap<>();

        @Override
        public void add(SealedBidSupplier supplier) {
            if (rows.putIfAbsent(supplier.bidKey(), supplier) != null) {
                throw new IllegalStateException("duplicate " + supplier.bidKey());
            }
        }

        @Override
        public Optional<SealedBidSupplier> find(String bidKey) {
            return Optional.ofNullable(rows.get(bidKey));
        }

        @Override
        public List<SealedBidSupplier> ofSupplier(String tenderKey, String supplierId) {
            List<SealedBidSupplier> out = new ArrayList<>(rows.values().stream()
                    .filter(s -> s.tenderKey().equals(tenderKey) && s.supplierId().equals(supplierId)).toList());
            out.sort(Comparator.comparing(SealedBidSupplier::lodgedAt).thenComparing(SealedBidSupplier::bidKey));
            return out;
        }
    }

    public static class Envelopes implements EnvelopeStore {
        private final Map<String, String> texts = new ConcurrentHashMap<>();

        @Override
        public String put(String envelopeText) {
            String sha256 = CanonicalJson.sha256Hex(envelopeText);
            texts.put(sha256, envelopeText);
            return sha256;
        }

        @Override
        public Optional<String> get(String sha256) {
            return Optional.ofNullable(texts.get(sha256));
        }

        @Override
        public void delete(String sha256) {
            texts.remove(sha256);
        }

        /** Replaces a stored envelope's text behind the store's back, as a tampering operator would. */
        public void overwrite(String sha256, String text) {
            texts.put(sha256, text);
        }
    }
}
