package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.domain.notary.NotaryRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Rows of parties with add/remove for the new-notarisation form. */
public class PartiesEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<PartyRow> rows = new ArrayList<>();

    public PartiesEditor() {
        add();
    }

    public void add() {
        if (rows.size() < NotaryRules.MAX_PARTIES) {
            rows.add(new PartyRow());
        }
    }

    public void remove(PartyRow row) {
        if (rows.size() > 1) {
            rows.remove(row);
        }
    }

    /**
     * The parties in row order, each row at its index so that a refusal of {@code parties[i]} lands
     * next to row i; none at all when every row is blank (refused as "name at least one party").
     */
    List<NotaryRules.PartyText> texts() {
        if (rows.stream().allMatch(PartyRow::isBlank)) {
            return List.of();
        }
        return rows.stream().map(PartyRow::toText).toList();
    }

    public List<PartyRow> getRows() {
        return rows;
    }

    public boolean isCanAdd() {
        return rows.size() < NotaryRules.MAX_PARTIES;
    }

    public boolean isCanRemove() {
        return rows.size() > 1;
    }
}
