package bt.druk.registry.domain.procurement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The procurement register's projections: tenders and bids by their current versions, and public files. */
public interface TenderRepository {

    Optional<TenderSummary> findTender(String recordKey);

    void addTender(TenderSummary tender);

    void removeTender(String recordKey);

    /**
     * Tenders matching every non-null criterion, newest first.
     *
     * @param text     matched case-insensitively against the title, tender number and agency name
     * @param statuses any of these statuses; empty for all
     */
    List<TenderSummary> searchTenders(String text, Collection<TenderStatus> statuses, String entityCode, int limit);

    Optional<BidSummary> findBid(String recordKey);

    void addBid(BidSummary bid);

    void removeBid(String recordKey);

    /** The tender's bids by number. */
    List<BidSummary> bidsOf(String tenderKey);

    /** Makes these files public for this record (replacing what the record made public before). */
    void publishFiles(String recordKey, Collection<String> sha256s);

    boolean isPublicFile(String sha256);

    /** The records (tenders, bids opened as valid) whose current version makes this file public. */
    List<String> recordsWithFile(String sha256);

    /** Next serial of the year for OCIDs and tender numbers; serialised between clerks. */
    int nextSerial(int year);
}
