package bt.druk.registry.domain.ledger;

import java.util.List;

/**
 * One page of the ledger's current entries of one kind, in key order ({@code ListRecords}).
 *
 * @param bookmark where the next page starts; empty once there is nothing more to read
 */
public record LedgerRecordPage(List<LedgerEntry> records, String bookmark) {

    public LedgerRecordPage {
        records = List.copyOf(records);
        bookmark = bookmark == null ? "" : bookmark;
    }

    /** Whether another page may follow (a short page is always the last). */
    public boolean hasMore(int pageSize) {
        return !bookmark.isEmpty() && records.size() >= pageSize;
    }
}
