package bt.druk.registry.testing;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.procurement.EnvelopeUse;
import bt.druk.registry.domain.procurement.EnvelopeUses;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.OpeningKeyRepository;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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

        @Override
        public int lodgingsOn(String tenderKey) {
            return (int) rows.values().stream().filter(s -> s.tenderKey().equals(tenderKey)).count();
        }

        public List<SealedBidSupplier> all() {
            return List.copyOf(rows.values());
        }
    }

    /** What {@code JpaSealedOpening.Uses} selects, from the in-memory rows. */
    public static class Uses implements EnvelopeUses {
        private final Suppliers suppliers;
        private final InMemoryRecordRepository records;
        private final InMemoryTenderRepository tenders;

        public Uses(Suppliers suppliers, InMemoryRecordRepository records, InMemoryTenderRepository tenders) {
            this.suppliers = suppliers;
            this.records = records;
            this.tenders = tenders;
        }

        @Override
        public List<EnvelopeUse> all() {
            List<EnvelopeUse> out = new ArrayList<>();
            for (SealedBidSupplier s : suppliers.all()) {
                for (RecordVersion v : records.versionsOf(s.bidKey())) {
                    if (v.imprint().equals(BidImprints.SealedEnvelope.CODE)) {
                        Optional<BidSummary> bid = tenders.findBid(s.bidKey());
                        out.add(new EnvelopeUse(s.bidKey(), v.hash(), v.ledgerState() == LedgerState.REJECTED,
                                bid.map(BidSummary::status).orElse(null),
                                bid.flatMap(b -> records.findVersion(b.currentVersionId()))
                                        .map(c -> c.ledgerState() == LedgerState.COMMITTED).orElse(false)));
                    }
                }
            }
            return out;
        }

        @Override
        public List<EnvelopeUse> ofEnvelope(String sha256) {
            return all().stream().filter(u -> u.envelopeSha256().equals(sha256)).toList();
        }
    }

    /** Envelopes in memory, each stored at the clock's time; {@link #failNextPut} makes the next put fail as a full disk would. */
    public static class Envelopes implements EnvelopeStore {
        private final Map<String, Stored> stored = new ConcurrentHashMap<>();
        private final Map<String, String> texts = new ConcurrentHashMap<>();
        private final Clock clock;
        private volatile IOException nextPutFailure;

        public Envelopes() {
            this(Clock.systemUTC());
        }

        public Envelopes(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized String put(String envelopeText) throws IOException {
            IOException failure = nextPutFailure;
            if (failure != null) {
                nextPutFailure = null;
                throw failure;
            }
            String sha256 = CanonicalJson.sha256Hex(envelopeText);
            texts.put(sha256, envelopeText);
            stored.put(sha256, new Stored(sha256, clock.instant()));
            return sha256;
        }

        @Override
        public Optional<String> get(String sha256) {
            return Optional.ofNullable(texts.get(sha256));
        }

        @Override
        public Optional<Instant> storedAt(String sha256) {
            return Optional.ofNullable(stored.get(sha256)).map(Stored::storedAt);
        }

        @Override
        public synchronized List<Stored> list() {
            return stored.values().stream().sorted(Comparator.comparing(Stored::sha256)).toList();
        }

        @Override
        public synchronized boolean removeIfStoredBefore(String sha256, Instant cutoff) {
            Stored s = stored.get(sha256);
            if (s == null || !s.storedAt().isBefore(cutoff)) {
                return false;
            }
            stored.remove(sha256);
            texts.remove(sha256);
            return true;
        }

        public boolean contains(String sha256) {
            return texts.containsKey(sha256);
        }

        public void failNextPut(IOException failure) {
            nextPutFailure = failure;
        }

        /** Replaces a stored envelope's text behind the store's back, as a tampering operator would. */
        public void overwrite(String sha256, String text) {
            texts.put(sha256, text);
        }
    }
}
