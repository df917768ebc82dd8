package bt.druk.registry.testing;

import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

public class InMemoryTenderRepository implements TenderRepository {

    private final Map<String, TenderSummary> tenders = new TreeMap<>();
    private final Map<String, BidSummary> bids = new TreeMap<>();
    private final Map<String, Set<String>> publicFiles = new HashMap<>();
    private final Map<Integer, Integer> serials = new HashMap<>();

    @Override
    public synchronized Optional<TenderSummary> findTender(String recordKey) {
        return Optional.ofNullable(tenders.get(recordKey));
    }

    @Override
    public synchronized void addTender(TenderSummary tender) {
        tenders.put(tender.recordKey(), tender);
    }

    @Override
    public synchronized void removeTender(String recordKey) {
        tenders.remove(recordKey);
    }

    @Override
    public synchronized List<TenderSummary> searchTenders(String text, Collection<TenderStatus> statuses, String entityCode, int limit) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        return tenders.values().stream()
                .filter(t -> needle == null || (t.title() + " " + t.tenderNumber() + " " + t.entityName() + " " + t.ocid())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .filter(t -> statuses.isEmpty() || statuses.contains(t.status()))
                .filter(t -> entityCode == null || t.entityCode().equals(entityCode))
                .sorted(Comparator.comparing(TenderSummary::publishedAt).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<BidSummary> findBid(String recordKey) {
        return Optional.ofNullable(bids.get(recordKey));
    }

    @Override
    public synchronized void addBid(BidSummary bid) {
        bids.put(bid.recordKey(), bid);
    }

    @Override
    public synchronized void removeBid(String recordKey) {
        bids.remove(recordKey);
    }

    @Override
    public synchronized List<BidSummary> bidsOf(String tenderKey) {
        return bids.values().stream().filter(b -> b.tenderKey().equals(tenderKey))
                .sorted(Comparator.comparingInt(BidSummary::bidNumber)).toList();
    }

    @Override
    public synchronized void publishFiles(String recordKey, Collection<String> sha256s) {
        publicFiles.put(recordKey, new HashSet<>(sha256s));
    }

    @Override
    public synchronized boolean isPublicFile(String sha256) {
        return publicFiles.values().stream().anyMatch(s -> s.contains(sha256));
    }

    @Override
    public synchronized List<String> recordsWithFile(String sha256) {
        return publicFiles.entrySet().stream().filter(e -> e.getValue().contains(sha256)).map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public synchronized int nextSerial(int year) {
        return serials.merge(year, 1, Integer::sum);
    }
}
