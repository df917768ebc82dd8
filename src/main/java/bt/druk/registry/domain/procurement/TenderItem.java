package bt.druk.registry.domain.procurement;

import java.math.BigDecimal;
import java.util.Objects;

/** A line of what is being procured: description, quantity and unit (e.g. 120 × "bag of cement"). */
public record TenderItem(String description, BigDecimal quantity, String unit) {
    public TenderItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        quantity = quantity.stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
    }
}
