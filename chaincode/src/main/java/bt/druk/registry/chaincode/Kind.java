package bt.druk.registry.chaincode;

import java.util.Optional;
import java.util.regex.Pattern;

/** Record kinds, their key prefixes and the register each belongs to. */
public enum Kind {
    LAND_TITLE("land-title", Register.LAND),
    TENDER("tender", Register.PROCUREMENT),
    BID("bid", Register.PROCUREMENT),
    NOTARISATION("notarisation", Register.NOTARY),
    ANCHOR("anchor", Register.NOTARY);

    /**
     * One identifier inside a key (PIN, ocid, bid number, notarisation or anchor id): starts with a
     * letter or digit, then letters, digits and {@code . _ ~ - / + :}; at most 160 characters.
     */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._~/+:\\-]{0,159}";
    private static final Pattern ID_PATTERN = Pattern.compile(ID);
    /** Bid number: an identifier without ':' (the last ':' of a bid key separates it from the ocid). */
    private static final Pattern BID_NO_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/+\\-]{0,63}");

    private final String code;
    private final Register register;

    Kind(String code, Register register) {
        this.code = code;
        this.register = register;
    }

    /** The value of the entry field {@code kind}, also the key prefix before ':'. */
    public String code() {
        return code;
    }

    public Register register() {
        return register;
    }

    public String keyPrefix() {
        return code + ":";
    }

    /** Whether {@code key} is a well-formed key of this kind. */
    public boolean accepts(String key) {
        if (key == null || !key.startsWith(keyPrefix())) {
            return false;
        }
        String rest = key.substring(keyPrefix().length());
        if (!ID_PATTERN.matcher(rest).matches()) {
            return false;
        }
        if (this == BID) {
            int sep = rest.lastIndexOf(':');
            return sep > 0 && ID_PATTERN.matcher(rest.substring(0, sep)).matches()
                    && BID_NO_PATTERN.matcher(rest.substring(sep + 1)).matches();
        }
        return true;
    }

    /** The kind whose key format {@code key} has, if any. */
    public static Optional<Kind> ofKey(String key) {
        for (Kind k : values()) {
            if (k.accepts(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<Kind> fromCode(String code) {
        for (Kind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
