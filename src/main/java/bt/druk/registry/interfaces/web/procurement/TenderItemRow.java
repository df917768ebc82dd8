package bt.druk.registry.interfaces.web.procurement;

import java.io.Serializable;
import java.math.BigDecimal;

/** One editable item line of the tender form. */
public class TenderItemRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String description;
    private BigDecimal quantity;
    private String unit;

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
}
