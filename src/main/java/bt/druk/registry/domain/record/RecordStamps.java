package bt.druk.registry.domain.record;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * A cheap fingerprint of a record's versions, read in one query: whatever the pipeline or the
 * commit follower changes in a record (a new version, a commit, a rejection, a receipt completed)
 * changes its stamp. Public pages built from a record are cached under it.
 */
public interface RecordStamps {

    /**
     * @param versions    versions stored, rejected ones included
     * @param lastVersion highest version number
     * @param committed   versions committed on the ledger
     * @param receipts    versions whose receipt names a block
     * @param endorsed    versions whose receipt names the endorsers
     * @param lastChange  latest change of any version (added, committed, rejected)
     */
    record Stamp(long versions, int lastVersion, long committed, long receipts, long endorsed, Instant lastChange) {

        /** The stamp as text, e.g. for an entity tag. */
        public String text() {
            return versions + "." + lastVersion + "." + committed + "." + receipts + "." + endorsed + "." + lastChange;
        }
    }

    /** Empty when the record has no version at all. */
    Optional<Stamp> of(String recordKey);

    /**
     * One stamp for every version of every record of these kinds (what a register publishes in bulk):
     * a change to any of them changes it ({@code lastVersion} is then the highest of any). Read afresh
     * on every call; empty when there is no such version.
     */
    Optional<Stamp> ofKinds(Collection<String> kinds);

    /**
     * How many transactions of this portal that changed records (and what each register projects from
     * them) have ended so far, committed or not. The same value before and after reading something
     * built from the records means none of this portal's writes ended in between.
     */
    long endedWrites();
}
