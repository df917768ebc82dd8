package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How often sealed bids may be lodged (issue 25, "no cheap way to exhaust it"): each lodging stores
 * up to 40 MiB and writes to the ledger, so a supplier account may lodge 5 at once and then one a
 * minute, and an address 20 at once and then one every 15 seconds (many suppliers behind one office
 * proxy still get through a tender's last hour). A supplier who withdraws and lodges again stays
 * well inside both.
 */
@ApplicationScoped
public class LodgingThrottle {

    private final PublicRateLimiter perSupplier;
    private final PublicRateLimiter perAddress;

    public LodgingThrottle() {
        this(new PublicRateLimiter(5, 1.0 / 60, 10_000, System::nanoTime),
                new PublicRateLimiter(20, 1.0 / 15, 10_000, System::nanoTime));
    }

    LodgingThrottle(PublicRateLimiter perSupplier, PublicRateLimiter perAddress) {
        this.perSupplier = perSupplier;
        this.perAddress = perAddress;
    }

    /** Seconds to wait before this supplier may lodge from this address, or 0 to go ahead (a token is taken). */
    public long admit(String supplier, String address) {
        PublicRateLimiter.Admission bySupplier = perSupplier.admit(supplier);
        if (!bySupplier.allowed()) {
            return bySupplier.retryAfterSeconds();
        }
        PublicRateLimiter.Admission byAddress = perAddress.admit(address);
        return byAddress.allowed() ? 0 : byAddress.retryAfterSeconds();
    }
}
