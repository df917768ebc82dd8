package bt.druk.registry.interfaces.web.procurement;

import java.util.regex.Pattern;

/** The one shape of an OCID in a link to the bid pages (supplier, holder, envelopes). */
final class OcidLinks {

    /** Anything else is simply "not found". */
    static final Pattern OCID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/+-]{0,159}");

    private OcidLinks() {
    }

    static boolean isOcid(String ocid) {
        return ocid != null && OCID.matcher(ocid.trim()).matches();
    }
}
