package bt.druk.registry.domain.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The register catalogue's kinds of record: the code that prefixes a record's key on the ledger and
 * in the portal ({@code land-title:TH-1001}), the register that keeps it, and the pages that show it.
 * Every kind has one projection ({@code RecordProjection}) in its register's application package.
 *
 * <p>The chaincode keeps the same codes in its own {@code Kind}; {@code RegisterCatalogueTest} compares them.
 */
public enum RecordKind {
    LAND_TITLE("land-title", Register.LAND, CarriedWith.ITSELF,
            Pages.byId("/records/land.xhtml", "/clerk/land/title.xhtml", "pin")),
    // A bid needs its tender still open, an award its bid opened: a tender and its bids go in order.
    TENDER("tender", Register.PROCUREMENT, CarriedWith.ITS_PROCESS,
            Pages.byId("/tenders/tender.xhtml", "/clerk/procurement/tender.xhtml", "ocid")),
    // A bid has one page for everybody: before the opening what the public sees is all there is.
    BID("bid", Register.PROCUREMENT, CarriedWith.ITS_PROCESS,
            Pages.byKey("/tenders/bid.xhtml", "/tenders/bid.xhtml", "key")),
    // One notarisation may supersede any other.
    NOTARISATION("notarisation", Register.NOTARY, CarriedWith.ITS_REGISTER,
            Pages.byId("/notary/notarisation.xhtml", "/clerk/notary/notarisation.xhtml", "id")),
    // A batch anchor is read through its members' inclusion proofs, never on a page of its own.
    ANCHOR("anchor", Register.NOTARY, CarriedWith.ITSELF, null);

    /**
     * Which records a version may name the state of, so that carrying a database's versions over to
     * a new ledger (the chaincode's {@code CarryOver}) must keep them in the order first committed.
     */
    public enum CarriedWith {
        /** No version names another record's state. */
        ITSELF,
        /** The records of one procurement process: the id up to a bid's number ({@code ocds-…-0003} of {@code ocds-…-0003:1}). */
        ITS_PROCESS,
        /** Every record of the register. */
        ITS_REGISTER
    }

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

        /**
         * The context-relative link to the public page of one record, e.g.
         * {@code /records/land.xhtml?pin=TH-1001}.
         *
         * @param value what the parameter takes: the record's id, or its whole key when {@link #byWholeKey}
         */
        public String publicHref(String value) {
            return href(publicPath, parameter, value);
        }

        /** {@code path?parameter=value}, the value URL-encoded. */
        public static String href(String path, String parameter, String value) {
            return path + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final String code;
    private final Register register;
    private final CarriedWith carriedWith;
    private final Pages pages;

    RecordKind(String code, Register register, CarriedWith carriedWith, Pages pages) {
        this.code = code;
        this.register = register;
        this.carriedWith = carriedWith;
        this.pages = pages;
    }

    /** The key prefix before ':' and the ledger entry's {@code kind}, e.g. {@code land-title}. */
    public String code() {
        return code;
    }

    public Register register() {
        return register;
    }

    /**
     * The group whose versions are carried to a new ledger in the order first committed, for the
     * record of this kind with {@code id} (its key after the kind); empty when it stands alone.
     */
    public Optional<String> carryGroup(String id) {
        return switch (carriedWith) {
            case ITSELF -> Optional.empty();
            case ITS_PROCESS -> Optional.of(register.code() + ":" + (this == BID ? id.substring(0, id.lastIndexOf(':')) : id));
            case ITS_REGISTER -> Optional.of(register.code());
        };
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
