package bt.druk.registry.application.land;

import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.Wgs84Reprojection;

/** A {@link ParcelMap} with another bound, for {@code LandGeometryBench} in another package. */
public final class ParcelMapsForBench {

    private ParcelMapsForBench() {
    }

    public static ParcelMap withLimit(LandParcelRepository parcels, ReferenceDataService referenceData,
                                      Wgs84Reprojection reprojection, int limit) {
        return new ParcelMap(parcels, referenceData, reprojection, limit);
    }
}
