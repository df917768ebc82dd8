package bt.druk.registry.domain.shared;

import java.util.Arrays;
import java.util.List;

/**
 * The register catalogue: each register the portal keeps, with everything shared code needs to know
 * of it. Each has an issuing organisation on the ledger whose peer (together with the auditor's)
 * must endorse every write to that register's records; its kinds of record are {@link RecordKind}s.
 * Pages, projections and document sources stay in the register's own packages; what generic code
 * (menus, labels, the tamper report) reads about a register is here, as plain data.
 *
 * <p>The chaincode keeps its own copy ({@code chaincode/…/Register.java}, a separate build);
 * {@code RegisterCatalogueTest} holds the two, the message bundles and {@code deploy/} to the same codes.
 */
public enum Register {
    LAND("land", "LandMSP",
            List.of(new Page("nav.landRecords", "/records/search.xhtml"), new Page("nav.parcelMap", "/records/map.xhtml")),
            List.of(new Page("nav.registerParcel", "/clerk/land/register.xhtml"),
                    new Page("nav.importThrams", "/clerk/land/import.xhtml"))),
    PROCUREMENT("procurement", "ProcurementMSP",
            List.of(new Page("nav.tenders", "/tenders/index.xhtml")),
            List.of(new Page("nav.newTender", "/clerk/procurement/new.xhtml"))),
    // Notarisations are found through "Verify a document", which is every register's.
    NOTARY("notary", "JusticeMSP",
            List.of(),
            List.of(new Page("nav.newNotarisation", "/clerk/notary/new.xhtml"),
                    new Page("nav.batchNotarisation", "/clerk/notary/batch.xhtml")));

    /** MSP id of the Royal Audit Authority, whose peer co-endorses every register's writes. */
    public static final String AUDIT_MSP = "AuditMSP";

    /**
     * A page in the site menu.
     *
     * @param labelKey message key of its text
     * @param path     context-relative path of the view, e.g. {@code /tenders/index.xhtml}
     */
    public record Page(String labelKey, String path) {
    }

    private final String code;
    private final String issuingMspId;
    private final List<Page> publicPages;
    private final List<Page> clerkActions;

    Register(String code, String issuingMspId, List<Page> publicPages, List<Page> clerkActions) {
        this.code = code;
        this.issuingMspId = issuingMspId;
        this.publicPages = List.copyOf(publicPages);
        this.clerkActions = List.copyOf(clerkActions);
    }

    /** Lower-case word used on the ledger and in certificates, e.g. {@code land}. */
    public String code() {
        return code;
    }

    public String issuingMspId() {
        return issuingMspId;
    }

    /** Message key of the register's name, e.g. {@code staff.register.land}. */
    public String labelKey() {
        return "staff.register." + code;
    }

    /** The register's pages in everybody's menu, e.g. the land record search. */
    public List<Page> publicPages() {
        return publicPages;
    }

    /** What a clerk of the register creates, first step first: their "new record" actions. */
    public List<Page> clerkActions() {
        return clerkActions;
    }

    /** The kinds of record this register keeps on the ledger. */
    public List<RecordKind> kinds() {
        return Arrays.stream(RecordKind.values()).filter(kind -> kind.register() == this).toList();
    }

    public static Register fromCode(String code) {
        for (Register register : values()) {
            if (register.code.equalsIgnoreCase(code)) {
                return register;
            }
        }
        throw new IllegalArgumentException("unknown register: " + code);
    }
}
