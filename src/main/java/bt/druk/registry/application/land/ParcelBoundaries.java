package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.LandValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The public read of a parcel's surveyed boundary, from the search projection of its title's
 * current version: the polygon and its CRS, nothing about owners.
 */
@ApplicationScoped
public class ParcelBoundaries {

    private LandParcelRepository parcels;

    protected ParcelBoundaries() {
    }

    @Inject
    public ParcelBoundaries(LandParcelRepository parcels) {
        this.parcels = parcels;
    }

    /** What is known of a PIN's boundary. */
    public sealed interface Lookup {
    }

    /** No title with this PIN (as typed, normalised). */
    public record NoParcel(String pin) implements Lookup {
    }

    /** A title without a surveyed boundary (registered before boundaries were kept, or without one). */
    public record NoBoundary(String pin) implements Lookup {
    }

    public record Found(String pin, Boundary boundary) implements Lookup {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Lookup boundaryOf(String pin) {
        String normalised = LandValidation.normalisePin(pin);
        if (normalised == null || normalised.isEmpty()) {
            return new NoParcel(pin == null ? "" : pin.strip());
        }
        return parcels.findByPin(normalised)
                .<Lookup>map(row -> row.boundary().<Lookup>map(b -> new Found(row.pin(), b)).orElse(new NoBoundary(row.pin())))
                .orElse(new NoParcel(normalised));
    }
}
