package bt.druk.registry.domain.land;

public enum TransferType {
    SALE,
    GIFT,
    INHERITANCE
}
