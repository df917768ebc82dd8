package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.verify.DocumentFinding;
import bt.druk.registry.application.verify.DocumentSource;
import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files named in tenders and bids for verification by hash: the ledger holds the SHA-256 of the
 * tender's or the opened bid's hashed text, which names the file.
 */
@ApplicationScoped
public class ProcurementDocuments implements DocumentSource {

    private TenderRepository tenders;
    private RecordRepository records;
    private LedgerImprints imprints;

    protected ProcurementDocuments() {
    }

    @Inject
    public ProcurementDocuments(TenderRepository tenders, RecordRepository records, LedgerImprints imprints) {
        this.tenders = tenders;
        this.records = records;
        this.imprints = imprints;
    }

    /** After the notary's documents. */
    @Override
    public int order() {
        return 300;
    }

    @Override
    public Set<FoundAs> kinds() {
        return Set.of(FoundAs.TENDER_DOCUMENT, FoundAs.BID);
    }

    @Override
    public List<DocumentFinding> findings(String sha256, Set<Place> places) {
        if (!places.contains(Place.PROCUREMENT_FILE)) {
            return List.of();
        }
        List<DocumentFinding> found = new ArrayList<>();
        for (String key : tenders.recordsWithFile(sha256)) {
            namingVersion(key, sha256).ifPresent(found::add);
        }
        return found;
    }

    /** The first version of a tender or of a bid opened as valid whose hashed text names the file. */
    private Optional<DocumentFinding> namingVersion(String key, String sha) {
        boolean tender = key.startsWith(Tender.KIND + ":");
        if (!tender && !key.startsWith(BidKeys.KIND + ":")) {
            return Optional.empty();
        }
        for (RecordVersion v : records.versionsOf(key)) {
            if (v.ledgerState() == LedgerState.REJECTED) {
                continue;
            }
            Optional<String> text = imprint(v).flatMap(i -> i.hashedText(v.canonicalJson())).filter(t -> t.contains("\"" + sha + "\""));
            if (text.isPresent()) {
                return Optional.of(new DocumentFinding(tender ? FoundAs.TENDER_DOCUMENT : FoundAs.BID, v, v.hash(), text,
                        (tender ? "A tender document of tender " : "A document of bid ") + RecordKey.parse(key).id()
                                + ", named in " + (tender ? "the tender" : "the opened bid") + " from version " + v.version() + ".",
                        true, Optional.empty(), new Tie(tender ? "the tender's document" : "the opened bid")));
            }
        }
        return Optional.empty();
    }

    private Optional<LedgerImprint> imprint(RecordVersion v) {
        try {
            return Optional.of(imprints.of(v.imprint()));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public String noun(FoundAs kind) {
        return kind == FoundAs.BID ? "bid" : "tender document";
    }

    @Override
    public String described(FoundAs kind) {
        return kind == FoundAs.BID ? "a bid's document" : "a tender document";
    }

    @Override
    public VerificationStep offline(ProofReceipt proof) {
        return DocumentSource.checkedOffline(proof, "The record document in the proof hashes to " + proof.ledgerHash()
                + " and names the document.");
    }

    /**
     * A file named in a version's hashed text.
     *
     * @param naming what the ledger holds the SHA-256 of: "the tender's document", "the opened bid"
     */
    private record Tie(String naming) implements DocumentFinding.Tie {

        @Override
        public VerificationStep onLedger(String sha256, String ledgerHash, LedgerEntry entry, String read) {
            return inIndex(sha256, read);
        }

        @Override
        public VerificationStep inIndex(String sha256, String written) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, written + ": the SHA-256 of " + naming
                    + ", which names this file.");
        }
    }
}
