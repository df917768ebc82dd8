package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Compares the portal's records with the ledger. Public: needs no signed-in user. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VerificationService {

    private RecordRepository repository;
    private Ledger ledger;
    private LedgerImprints imprints;
    private Clock clock;

    protected VerificationService() {
    }

    @Inject
    public VerificationService(RecordRepository repository, Ledger ledger, LedgerImprints imprints, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.imprints = imprints;
        this.clock = clock;
    }

    /**
     * Re-reads the ledger history for the key and compares every version: the stored document must
     * still hash to what was stored, and what the ledger holds must be what the document gives by
     * its {@link bt.druk.registry.domain.record.LedgerImprint} (so an edited row shows as a mismatch).
     */
    public LedgerVerification verifyOnLedger(String recordKey) {
        List<RecordVersion> versions = repository.versionsOf(recordKey);
        if (versions.isEmpty()) {
            return new LedgerVerification(recordKey, LedgerVerification.Outcome.NOT_FOUND, null, null, List.of(),
                    clock.instant(), "The portal has no record " + recordKey);
        }
        List<LedgerHistoryItem> history;
        try {
            history = ledger.history(recordKey);
        } catch (LedgerUnavailableException e) {
            return new LedgerVerification(recordKey, LedgerVerification.Outcome.LEDGER_UNAVAILABLE, null, null, List.of(),
                    clock.instant(), "The ledger could not be reached; try again later");
        }
        return compare(recordKey, versions, history);
    }

    /**
     * The comparison of {@link #verifyOnLedger} over versions and a ledger history the caller has
     * read already (the tamper report reads each history once and checks more of it).
     */
    public LedgerVerification compare(String recordKey, List<RecordVersion> versions, List<LedgerHistoryItem> history) {
        Map<Integer, LedgerHistoryItem> onLedger = new TreeMap<>();
        LedgerEntry current = null;
        for (LedgerHistoryItem item : history) {
            if (item.value() != null) {
                onLedger.put(item.value().version(), item);
                current = item.value();
            }
        }
        List<VersionCheck> checks = new ArrayList<>();
        boolean mismatch = false;
        boolean pending = false;
        int liveMax = 0;
        for (RecordVersion v : versions) {
            String recomputed = recompute(v);
            LedgerHistoryItem item = v.ledgerState() == LedgerState.REJECTED ? null : onLedger.get(v.version());
            String ledgerHash = item == null ? null : item.value().hash();
            String ledgerTx = item == null ? null : item.txId();
            VersionCheck.Match match;
            if (v.ledgerState() == LedgerState.REJECTED) {
                match = VersionCheck.Match.REJECTED;
            } else if (!v.hash().equals(recomputed)) {
                match = VersionCheck.Match.MISMATCH;
            } else if (item == null) {
                match = v.ledgerState() == LedgerState.PENDING ? VersionCheck.Match.PENDING : VersionCheck.Match.MISSING_ON_LEDGER;
            } else {
                match = v.hash().equals(ledgerHash) ? VersionCheck.Match.MATCH : VersionCheck.Match.MISMATCH;
            }
            if (v.ledgerState() != LedgerState.REJECTED) {
                liveMax = Math.max(liveMax, v.version());
            }
            mismatch |= match == VersionCheck.Match.MISMATCH || match == VersionCheck.Match.MISSING_ON_LEDGER;
            pending |= match == VersionCheck.Match.PENDING;
            checks.add(new VersionCheck(v.version(), v.hash(), recomputed, ledgerHash, ledgerTx, match));
        }
        Integer ledgerVersion = current == null ? null : current.version();
        String message;
        LedgerVerification.Outcome outcome;
        if (ledgerVersion != null && ledgerVersion > liveMax) {
            outcome = LedgerVerification.Outcome.MISMATCH;
            message = "The ledger holds version " + ledgerVersion + " but the portal's database only has up to version "
                    + liveMax + ": the database copy is incomplete";
        } else if (mismatch) {
            outcome = LedgerVerification.Outcome.MISMATCH;
            message = "The database copy of this record does not match the ledger";
        } else if (pending) {
            outcome = LedgerVerification.Outcome.VERIFIED_WITH_PENDING;
            message = "Every version on the ledger matches; newer versions are still waiting for the ledger";
        } else {
            outcome = LedgerVerification.Outcome.VERIFIED;
            message = "Every version matches the ledger";
        }
        return new LedgerVerification(recordKey, outcome, ledgerVersion, current == null ? null : current.hash(), checks,
                clock.instant(), message);
    }

    /**
     * Looks up a lowercase hex SHA-256 in the database and on the ledger.
     *
     * @throws ValidationException field {@code hash} if not 64 hex characters
     */
    public HashLookup findByHash(String sha256Hex) {
        String hash = sha256Hex == null ? "" : sha256Hex.trim().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(hash)) {
            throw ValidationException.of("hash", "hash.format", "A SHA-256 hash has 64 hexadecimal characters");
        }
        Map<String, HashLookup.Hit> hits = new LinkedHashMap<>();
        for (RecordVersion v : repository.findByHash(hash)) {
            hits.put(v.recordKey() + "#" + v.version(), new HashLookup.Hit(v.recordKey(), v.version(), v.ledgerState(), true, false));
        }
        boolean available = true;
        try {
            for (HashIndexHit hit : ledger.findByHash(hash)) {
                String id = hit.key() + "#" + hit.version();
                HashLookup.Hit known = hits.get(id);
                hits.put(id, known == null
                        ? new HashLookup.Hit(hit.key(), hit.version(), null, false, true)
                        : new HashLookup.Hit(known.recordKey(), known.version(), known.ledgerState(), true, true));
            }
        } catch (LedgerUnavailableException e) {
            available = false;
        }
        return new HashLookup(hash, available, new ArrayList<>(hits.values()));
    }

    /** The ledger hash the stored document gives now; "unreadable" if it no longer parses or hashes to its document hash. */
    private String recompute(RecordVersion v) {
        try {
            String canonical = CanonicalJson.canonicalize(v.canonicalJson());
            if (!CanonicalJson.sha256Hex(canonical).equals(v.documentHash())) {
                return "document-edited";
            }
            return imprints.of(v.imprint()).ledgerHash(canonical);
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }
}
