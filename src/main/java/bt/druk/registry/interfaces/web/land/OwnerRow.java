package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.OwnerInput;
import java.io.Serializable;

/** One editable owner row of a form. */
public class OwnerRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String cid;
    private String share;
    /** As on the owner's census record; optional (the one recorded for the CID stands). */
    private String household;

    public OwnerInput toInput() {
        return new OwnerInput(trim(name), trim(cid), trim(share), trim(household));
    }

    public boolean isBlank() {
        return trim(name) == null && trim(cid) == null && trim(share) == null && trim(household) == null;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCid() { return cid; }
    public void setCid(String cid) { this.cid = cid; }
    public String getShare() { return share; }
    public void setShare(String share) { this.share = share; }
    public String getHousehold() { return household; }
    public void setHousehold(String household) { this.household = household; }
}
