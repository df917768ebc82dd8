package bt.druk.registry.testing;

import bt.druk.registry.application.verify.HashOccurrences;
import java.util.EnumSet;
import java.util.Set;

/** Asks each in-memory store in turn, which is what the one query of the JPA version answers. */
public class InMemoryHashOccurrences implements HashOccurrences {

    private final InMemoryRecordRepository records;
    private final InMemoryNotarisationRepository notarisations;
    private final InMemoryTenderRepository tenders;
    private final InMemoryBatchQueue batchQueue;

    public InMemoryHashOccurrences(InMemoryRecordRepository records, InMemoryNotarisationRepository notarisations,
                                   InMemoryTenderRepository tenders, InMemoryBatchQueue batchQueue) {
        this.records = records;
        this.notarisations = notarisations;
        this.tenders = tenders;
        this.batchQueue = batchQueue;
    }

    @Override
    public Set<Place> of(String sha256) {
        Set<Place> found = EnumSet.noneOf(Place.class);
        if (!notarisations.findByDocumentHash(sha256).isEmpty()) {
            found.add(Place.NOTARISED_DOCUMENT);
        }
        if (batchQueue.find(sha256).isPresent()) {
            found.add(Place.BATCH_DOCUMENT);
        }
        if (!tenders.recordsWithFile(sha256).isEmpty()) {
            found.add(Place.PROCUREMENT_FILE);
        }
        records.findByHash(sha256).forEach(v -> found.add(v.hash().equals(sha256) ? Place.LEDGER_HASH : Place.STORED_DOCUMENT));
        return found;
    }
}
