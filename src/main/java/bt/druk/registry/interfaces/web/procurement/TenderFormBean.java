package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderDocument;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.file.FileUploads;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;

/**
 * A procurement clerk publishes a tender, or amends one before its deadline (then {@code ocid} is
 * set and the form starts from the current terms). Times are entered in Bhutan time.
 *
 * <p>Every new tender is sealed (issue 25): the clerk names its opening key holders among the staff
 * who registered a key, and how many of them open the bids. The form proposes
 * {@value TenderOpening#DEFAULT_HOLDERS} holders from as many organisations as have keys, any
 * {@value TenderOpening#DEFAULT_THRESHOLD} of whom open; without holders nothing is published.
 */
@Named
@ViewScoped
public class TenderFormBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TenderFormBean.class.getName());
    static final int MAX_ITEMS = 100;

    /** OCDS documentType codes offered for tender documents. */
    static final List<String> DOCUMENT_TYPES = List.of("tenderNotice", "biddingDocuments", "technicalSpecifications",
            "evaluationCriteria", "billOfQuantity", "clarifications", "contractDraft");

    @Inject
    transient TenderService tenders;

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient ProcurementPolicy policy;

    @Inject
    transient FileUploads uploads;

    @Inject
    transient ProcuringEntities procuringEntities;

    @Inject
    transient OpeningKeys openingKeys;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String ocid;
    private Integer baseVersion;
    private boolean loaded;
    private String entity;
    private String title;
    private String description;
    private ProcurementMethod method = ProcurementMethod.OPEN;
    private MainCategory category;
    private BigDecimal estimatedValue;
    private LocalDateTime enquiryPeriodEnd;
    private LocalDateTime bidDeadline;
    private String reason;
    private final List<TenderItemRow> items = new ArrayList<>(List.of(new TenderItemRow()));
    private final List<TenderDocumentRow> documents = new ArrayList<>();
    /** The user names of a new tender's opening key holders, in holder order. */
    private List<String> holders;
    private Integer threshold = TenderOpening.DEFAULT_THRESHOLD;

    /** For amendments: starts from the tender's current terms (once per view). */
    public String load() {
        if (ocid == null || loaded) {
            return null;
        }
        loaded = true;
        TenderView view = queries.tender(ocid).orElse(null);
        if (view == null) {
            return "/not-found";
        }
        Tender t = view.tender();
        baseVersion = view.version();
        entity = t.procuringEntity().code();
        title = t.title();
        description = t.description();
        method = t.method();
        category = t.category();
        estimatedValue = t.estimatedValue();
        enquiryPeriodEnd = t.enquiryPeriodEnd() == null ? null : LocalDateTime.ofInstant(t.enquiryPeriodEnd(), policy.zone());
        bidDeadline = LocalDateTime.ofInstant(t.bidDeadline(), policy.zone());
        items.clear();
        for (TenderItem item : t.items()) {
            TenderItemRow row = new TenderItemRow();
            row.setDescription(item.description());
            row.setQuantity(item.quantity());
            row.setUnit(item.unit());
            items.add(row);
        }
        documents.clear();
        t.documents().forEach(d -> documents.add(new TenderDocumentRow(d.title(), d.documentType(), d.fileName(),
                d.mediaType(), d.size(), d.sha256())));
        return null;
    }

    public boolean isAmending() {
        return ocid != null;
    }

    public void addItem() {
        if (items.size() < MAX_ITEMS) {
            items.add(new TenderItemRow());
        }
    }

    public void removeItem(TenderItemRow row) {
        if (items.size() > 1) {
            items.remove(row);
        }
    }

    /** A document is stored as soon as it is chosen; it becomes public only when the tender is saved. */
    public void upload(FileUploadEvent event) {
        try {
            StoredFile file = uploads.store(event.getFile(), "documents");
            if (documents.stream().noneMatch(d -> d.getSha256().equals(file.sha256()))) {
                documents.add(new TenderDocumentRow(titleOf(file.originalName()), "biddingDocuments", file.originalName(),
                        file.mediaType(), file.size(), file.sha256()));
            }
        } catch (ValidationException e) {
            messages.show(e, "tender");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "tender document upload failed", e);
            messages.error("tender:documents", "tender.uploadFailed");
        }
    }

    public void removeDocument(TenderDocumentRow row) {
        documents.remove(row);
    }

    public String save() {
        // Checked here, not with required="true": PrimeFaces puts aria-required on the checkboxes'
        // container, which has no role that allows it (axe: aria-allowed-attr, critical).
        if (!isAmending() && getHolders().isEmpty()) {
            messages.error("tender:holders", "tender.holdersRequired");
            return null;
        }
        return run(() -> isAmending()
                ? tenders.amend(currentStaff.require(), ocid, baseVersion, terms(), reason)
                : tenders.publish(currentStaff.require(), entity, terms(),
                        openingKeys.openingOf(getHolders(), threshold == null ? 0 : threshold), policy.minimumBidPeriod()));
    }

    private String run(java.util.function.Supplier<SubmissionAck> submission) {
        SubmissionAck ack = ProcurementSubmissions.run(messages, "tender", submission);
        return ack == null ? null : ProcurementSubmissions.clerkTenderPage(ack);
    }

    private Tender.Terms terms() {
        List<TenderItem> itemList = new ArrayList<>();
        for (TenderItemRow row : items) {
            itemList.add(new TenderItem(nullToEmpty(row.getDescription()),
                    row.getQuantity() == null ? BigDecimal.ZERO : row.getQuantity(), nullToEmpty(row.getUnit())));
        }
        List<TenderDocument> docs = documents.stream().map(d -> new TenderDocument(
                d.getTitle() == null || d.getTitle().isBlank() ? titleOf(d.getFileName()) : d.getTitle().trim(),
                d.getDocumentType(), d.getFileName(), d.getMediaType(), d.getSize(), d.getSha256())).toList();
        return new Tender.Terms(title, description, method, category, estimatedValue, toInstant(enquiryPeriodEnd),
                toInstant(bidDeadline), itemList, docs);
    }

    private Instant toInstant(LocalDateTime bhutanTime) {
        return bhutanTime == null ? null : bhutanTime.atZone(policy.zone()).toInstant();
    }

    private static String titleOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Staff who have registered an opening key: who may be named a holder. */
    public List<OpeningKey> getKeyHolders() {
        return openingKeys.registered();
    }

    /**
     * The holders the form proposes: {@value TenderOpening#DEFAULT_HOLDERS} registered keys taken
     * from each organisation in turn (in the order given), so that they come from as many
     * organisations as have keys; fewer when fewer keys are registered.
     */
    static List<String> proposedHolders(List<OpeningKey> registered) {
        Map<String, List<String>> byOrganisation = new LinkedHashMap<>();
        registered.forEach(k -> byOrganisation.computeIfAbsent(k.msp(), m -> new ArrayList<>()).add(k.username()));
        List<String> proposed = new ArrayList<>();
        for (int round = 0; proposed.size() < TenderOpening.DEFAULT_HOLDERS; round++) {
            boolean any = false;
            for (List<String> members : byOrganisation.values()) {
                if (round < members.size() && proposed.size() < TenderOpening.DEFAULT_HOLDERS) {
                    proposed.add(members.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return proposed;
    }

    /** The chosen holders; until the clerk chooses, the {@linkplain #proposedHolders proposal}. */
    public List<String> getHolders() {
        if (holders == null) {
            holders = new ArrayList<>(isAmending() ? List.of() : proposedHolders(getKeyHolders()));
        }
        return holders;
    }

    public void setHolders(List<String> holders) { this.holders = holders == null ? new ArrayList<>() : new ArrayList<>(holders); }
    public Integer getThreshold() { return threshold; }
    public void setThreshold(Integer threshold) { this.threshold = threshold; }
    public List<ProcuringEntity> getEntities() { return procuringEntities.all(); }
    public List<String> getDocumentTypes() { return DOCUMENT_TYPES; }
    public ProcurementMethod[] getMethods() { return ProcurementMethod.values(); }
    public MainCategory[] getCategories() { return MainCategory.values(); }
    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid == null || ocid.isBlank() ? null : ocid.trim(); }
    public String getEntity() { return entity; }
    public void setEntity(String entity) { this.entity = entity; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ProcurementMethod getMethod() { return method; }
    public void setMethod(ProcurementMethod method) { this.method = method; }
    public MainCategory getCategory() { return category; }
    public void setCategory(MainCategory category) { this.category = category; }
    public BigDecimal getEstimatedValue() { return estimatedValue; }
    public void setEstimatedValue(BigDecimal estimatedValue) { this.estimatedValue = estimatedValue; }
    public LocalDateTime getEnquiryPeriodEnd() { return enquiryPeriodEnd; }
    public void setEnquiryPeriodEnd(LocalDateTime enquiryPeriodEnd) { this.enquiryPeriodEnd = enquiryPeriodEnd; }
    public LocalDateTime getBidDeadline() { return bidDeadline; }
    public void setBidDeadline(LocalDateTime bidDeadline) { this.bidDeadline = bidDeadline; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<TenderItemRow> getItems() { return items; }
    public List<TenderDocumentRow> getDocuments() { return documents; }
}
