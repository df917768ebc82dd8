package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.OwnerInput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Rows of owners with add/remove, as used by first registration and transfer. */
public class OwnersEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 20;

    private final List<OwnerRow> rows = new ArrayList<>();

    public OwnersEditor() {
        add();
    }

    public void add() {
        if (rows.size() < MAX_ROWS) {
            OwnerRow row = new OwnerRow();
            if (rows.isEmpty()) {
                row.setShare("1");
            }
            rows.add(row);
        }
    }

    public void remove(OwnerRow row) {
        if (rows.size() > 1) {
            rows.remove(row);
        }
    }

    /** Owner inputs in row order. Completely blank rows are dropped only if at least one row has data. */
    public List<OwnerInput> inputs() {
        List<OwnerInput> inputs = new ArrayList<>();
        for (OwnerRow row : rows) {
            inputs.add(row.toInput());
        }
        return inputs;
    }

    public List<OwnerRow> getRows() {
        return rows;
    }

    public boolean isCanAdd() {
        return rows.size() < MAX_ROWS;
    }

    public boolean isCanRemove() {
        return rows.size() > 1;
    }
}
