package bt.druk.registry.domain.shared;

import java.util.Optional;

/**
 * The register catalogue's kinds of record: the code that prefixes a record's key on the ledger and
 * in the portal ({@code land-title:TH-1001}), the register that keeps it, and the pages that show it.
 * Every kind has one projection ({@code RecordProjection}) in its register's application package.
 *
 * <p>The chaincode keeps the same codes in its own {@code Kind}; {@code RegisterCatalogueTest} compares them.
 */
public enum RecordKind {
    LAND_TITLE("land-title", Register.LAND,
            Pages.byId("/records/land.xhtml", "/clerk/land/title.xhtml", "pin")),
    TENDER("tender", Register.PROCUREMENT,
            Pages.byId("/tenders/tender.xhtml", "/clerk/procurement/tender.xhtml", "ocid")),
    // A bid has one page for everybody: before the opening what the public sees is all there is.
    BID("bid", Register.PROCUREMENT,
            Pages.byKey("/tenders/bid.xhtml", "/tenders/bid.xhtml", "key")),
    NOTARISATION("notarisation", Register.NOTARY,
            Pages.byId("/notary/notarisation.xhtml", "/clerk/notary/notarisation.xhtml", "id")),
    // A batch anchor is read through its members' inclusion proofs, never on a page of its own.
    ANCHOR("anchor", Register.NOTARY, null);

    /**
     * The pages of one kind of record, for the public and for staff, and the one query parameter
     * that names the record on them.
     *
     * @param byWholeKey the parameter is the whole key ({@code bid:ocds-…:3}), not the id after the kind
     */
    public record Pages(String publicPath, String staffPath, String parameter, boolean byWholeKey) {

        static Pages byId(String publicPath, String staffPath, String parameter) {
            return new Pages(publicPath, staffPath, parameter, false);
        }

        static Pages byKey(String publicPath, String staffPath, String parameter) {
            return new Pages(publicPath, staffPath, parameter, true);
        }
    }

    private final String code;
    private final Register register;
    private final Pages pages;

    RecordKind(String code, Register register, Pages pages) {
        this.code = code;
        this.register = register;
        this.pages = pages;
    }

    /** The key prefix before ':' and the ledger entry's {@code kind}, e.g. {@code land-title}. */
    public String code() {
        return code;
    }

    public Register register() {
        return register;
    }

    /** The pages that show records of this kind; empty for a kind no page shows. */
    public Optional<Pages> pages() {
        return Optional.ofNullable(pages);
    }

    public static Optional<RecordKind> fromCode(String code) {
        for (RecordKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
