package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidService;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.file.FileUploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revealing a bid at the opening ({@code /tenders/reveal.xhtml?key=bid:…}): the bidder uploads the
 * sealed-bid file and the bid's documents. seal-bid.js checks them in the browser first; here the
 * documents go into the file store and {@link BidService#revealOnline} checks everything again
 * before the reveal goes to the ledger, which checks the commitment a third time.
 */
@Named
@ViewScoped
public class RevealBidBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RevealBidBean.class.getName());
    static final String FORM = "reveal";
    static final String FILE_FIELD = "sealedFile";
    static final String DOCUMENTS_FIELD = "documents";

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient BidService bids;

    @Inject
    transient FileUploads uploads;

    @Inject
    transient Clock clock;

    @Inject
    Messages messages;

    private String key;
    private transient BidView bid;
    private transient TenderView tender;
    private transient Part sealedFile;
    private transient List<Part> documents;

    public void load() {
        bid = null;
        tender = null;
        if (key == null || !BidPageBean.isBidKey(key.trim())) {
            return;
        }
        bid = queries.bid(key.trim()).orElse(null);
        if (bid != null) {
            tender = queries.tender(BidKeys.ocidOf(RecordKey.parse(bid.recordKey()))).orElse(null);
        }
    }

    public String reveal() {
        BidView b = getBid();
        if (b == null) {
            messages.error(null, "reveal.gone");
            return null;
        }
        try {
            String text = readSealedFile(sealedFile);
            List<StoredFile> stored = new ArrayList<>();
            for (Part part : chosen(documents)) {
                stored.add(uploads.store(part, DOCUMENTS_FIELD));
            }
            SubmissionAck ack = bids.revealOnline(b.recordKey(), text, stored);
            return "/tenders/bid?faces-redirect=true&key=" + URLEncoder.encode(ack.recordKey(), StandardCharsets.UTF_8)
                    + "&revealed=true";
        } catch (ValidationException e) {
            messages.show(onThisForm(e), FORM);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reveal upload of " + b.recordKey() + " failed", e);
            messages.error(null, "reveal.uploadFailed");
        }
        load();
        return null;
    }

    /**
     * The service names the sealed-bid file's problems by what is wrong inside it (salt,
     * bid.price, commitment, file…) and the documents' by "documents": on this form the first
     * belong next to the sealed-bid file, the second next to the documents, and record-level ones
     * (too early, already revealed) above the form.
     */
    static ValidationException onThisForm(ValidationException e) {
        List<FieldError> placed = new ArrayList<>();
        for (FieldError error : e.errors()) {
            String field = error.field();
            String target = field.isEmpty() ? "" : field.startsWith(DOCUMENTS_FIELD) ? DOCUMENTS_FIELD : FILE_FIELD;
            placed.add(new FieldError(target, error.code(), error.message()));
        }
        return new ValidationException(placed);
    }

    /** The sealed-bid file as text: UTF-8, at most the size a sealed-bid file can have. */
    static String readSealedFile(Part part) throws IOException {
        if (part == null || (part.getSize() <= 0 && (part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()))) {
            throw ValidationException.of(FILE_FIELD, "bid.reveal.file", "Choose the sealed-bid file you downloaded when sealing");
        }
        int limit = SealedBid.MAX_FILE_CHARS * 4;
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw notASealedBidFile();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notASealedBidFile();
        }
    }

    private static ValidationException notASealedBidFile() {
        return ValidationException.of(FILE_FIELD, "sealedBid.notSealedBidFile",
                "This is not a sealed-bid file. Choose the .json file the seal page downloaded when you sealed your bid.");
    }

    /** The parts a multiple file input sent, without the empty one it sends when nothing was chosen. */
    static List<Part> chosen(Collection<Part> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream().filter(p -> p != null && (p.getSize() > 0
                || (p.getSubmittedFileName() != null && !p.getSubmittedFileName().isBlank()))).toList();
    }

    public BidView getBid() {
        if (bid == null && key != null && BidPageBean.isBidKey(key.trim())) {
            load();
        }
        return bid;
    }

    public TenderView getTender() {
        getBid();
        return tender;
    }

    public boolean isFound() {
        return getBid() != null && getTender() != null;
    }

    public boolean isAlreadyRevealed() {
        return isFound() && bid.revealed();
    }

    /** The commitment is not on the ledger yet (or was refused): nothing to reveal. */
    public boolean isNotCommitted() {
        return isFound() && !bid.revealed() && bid.ledgerState() != LedgerState.COMMITTED;
    }

    public boolean isTooEarly() {
        return isFound() && !bid.revealed() && clock.instant().isBefore(tender.tender().bidDeadline());
    }

    public boolean isTenderClosed() {
        TenderStatus status = isFound() ? tender.tender().status() : null;
        return status != null && !bid.revealed() && status != TenderStatus.ACTIVE_TENDERING && status != TenderStatus.EVALUATION;
    }

    /** The form is offered: sealed, committed, after the deadline, and the tender still takes reveals. */
    public boolean isOpen() {
        return isFound() && !isAlreadyRevealed() && !isNotCommitted() && !isTooEarly() && !isTenderClosed();
    }

    public String getOcid() {
        return isFound() ? tender.tender().ocid() : null;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public Part getSealedFile() { return sealedFile; }
    public void setSealedFile(Part sealedFile) { this.sealedFile = sealedFile; }
    public List<Part> getDocuments() { return documents; }
    public void setDocuments(List<Part> documents) { this.documents = documents; }
}
