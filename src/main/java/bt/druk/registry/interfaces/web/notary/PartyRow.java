package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.domain.notary.NotaryRules;
import java.io.Serializable;

/** One editable party row of the new-notarisation form. */
public class PartyRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String cid;

    NotaryRules.PartyText toText() {
        return new NotaryRules.PartyText(name, cid);
    }

    boolean isBlank() {
        return (name == null || name.isBlank()) && (cid == null || cid.isBlank());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCid() { return cid; }
    public void setCid(String cid) { this.cid = cid; }
}
