package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeOpener;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.OpeningResult;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The database side of {@link SealedBids#openAll}: with the shares already read from the ledger, one
 * transaction moves the tender to evaluation and records every bid's verdict, so that no transaction
 * is open while the ledger is being asked.
 */
@ApplicationScoped
public class SealedBidOpening {

    private static final Logger LOG = Logger.getLogger(SealedBidOpening.class.getName());
    private RecordPipeline pipeline;
    private TenderRepository tenders;
    private TenderService tenderService;
    private SealedBidSuppliers suppliers;
    private EnvelopeStore envelopes;
    private FileStore files;

    protected SealedBidOpening() {
    }

    @Inject
    public SealedBidOpening(RecordPipeline pipeline, TenderRepository tenders, TenderService tenderService, SealedBidSuppliers suppliers,
                            EnvelopeStore envelopes, FileStore files) {
        this.pipeline = pipeline;
        this.tenders = tenders;
        this.tenderService = tenderService;
        this.suppliers = suppliers;
        this.envelopes = envelopes;
        this.files = files;
    }

    /**
     * Opens every lodged bid of the tender from {@code posted} (at least k holders' shares). The
     * clerk and the tender are checked again here: the tender may have moved on since they were read.
     */
    @Transactional
    public SealedBids.OpeningReport record(StaffMember clerk, String ocid, List<PostedShares> posted, Instant now) {
        RecordVersion tenderVersion = SealedBids.openableBy(pipeline, clerk, ocid, now);
        Tender tender = TenderService.read(tenderVersion);
        if (tender.status() == TenderStatus.ACTIVE_TENDERING) {
            tenderService.openBids(clerk, ocid, tenderVersion.version());
        }
        boolean everyHolderPosted = posted.size() == tender.opening().n();
        List<BidVerdict> opened = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (BidSummary summary : tenders.bidsOf(tender.key().toString())) {
            RecordVersion current = pipeline.lockCurrent(summary.recordKey()).orElseThrow();
            SealedBids.JsonData data = new SealedBids.JsonData(current);
            if (!data.sealed()) {
                continue;
            }
            SealedBidRecord bid = data.bid();
            if (!bid.isLodged()) {
                continue;
            }
            if (current.ledgerState() != LedgerState.COMMITTED) {
                waiting.add(bid.key() + ": its lodging is still waiting for the ledger");
                continue;
            }
            SealedBidSupplier supplier = suppliers.find(bid.key().toString()).orElseThrow();
            Optional<String> text = SealedBids.read(envelopes, bid.envelopeSha256());
            if (text.isEmpty()) {
                waiting.add(bid.key() + ": its envelope " + bid.envelopeSha256() + " is missing from the envelope store");
                continue;
            }
            List<KeyShare> shares = new ArrayList<>();
            for (PostedShares p : posted) {
                String share = p.shares().get(bid.key().toString());
                if (share != null) {
                    shares.add(KeyShare.fromBytes(Base64.getUrlDecoder().decode(share)));
                }
            }
            OpeningResult result = EnvelopeOpener.open(text.get(), bid.envelopeSha256(), shares);
            BidVerdict verdict = BidVerdict.judge(bid.key().toString(), tender.ocid(), result, supplier.supplierId());
            if (verdict.kind() == BidVerdict.Kind.TOO_FEW_SHARES) {
                if (!everyHolderPosted) {
                    waiting.add(bid.key() + ": " + verdict.detail() + " so far");
                    continue;
                }
                verdict = new BidVerdict(verdict.bidKey(), BidVerdict.Kind.INVALID, null, "undecryptable",
                        "every holder has posted and only " + verdict.detail() + " could be decrypted");
            }
            if (verdict.kind() == BidVerdict.Kind.VALID && result instanceof OpeningResult.Valid valid) {
                publishDocuments(bid, valid.documents());
            }
            SealedBidRecord next = bid.open(verdict, supplier.supplierId(), supplier.supplierName(), supplier.supplierSalt(), now);
            String resultJson = next.opening().ledgerJson();
            pipeline.append(new VersionDraft(bid.key(), Register.PROCUREMENT, current.version(),
                    verdict.kind() == BidVerdict.Kind.VALID ? "BID_OPENED" : "BID_INVALID", next.toJson(), List.of(),
                    LedgerImprint.DOCUMENT, LedgerCall.Factory.standard(SealedBids.OPEN, resultJson), clerk.username(), clerk.office()));
            opened.add(verdict);
        }
        return new SealedBids.OpeningReport(opened, waiting);
    }

    /**
     * A valid bid's documents become public with its opening, so they go into the file store under
     * their hashes (which the bid lists and the verdict checked). A document of a kind the store
     * does not take stays listed, without a copy to download; the bid stands, as its price does.
     */
    private void publishDocuments(SealedBidRecord bid, List<OpeningResult.OpenedDocument> documents) {
        for (OpeningResult.OpenedDocument document : documents) {
            try {
                files.store(new ByteArrayInputStream(document.content()), document.name(), "document");
            } catch (ValidationException refused) {
                LOG.warning(() -> bid.key() + ": document \"" + document.name() + "\" is not kept for download: "
                        + refused.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the documents of " + bid.key(), e);
            }
        }
    }
}
