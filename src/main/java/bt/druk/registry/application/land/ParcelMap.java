package bt.druk.registry.application.land;

import bt.druk.registry.application.reference.Dzongkhag;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.Wgs84Reprojection;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The public parcel map: the live (not retired) parcels that have a surveyed boundary, in one
 * dzongkhag or in all, each with its outline in WGS 84 and the link to its public record; nothing
 * about owners. One query on the land search projection, which keeps each current boundary; a
 * retired parcel's ground belongs to the parcels it went into.
 *
 * <p>An answer holds at most {@link #LIMIT} parcels, the first by PIN, and says when the register
 * has more, so that a national register is never sent whole: a dzongkhag is the unit to ask for.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ParcelMap {

    /** The most parcels one answer holds. */
    public static final int LIMIT = 2_000;

    private LandParcelRepository parcels;
    private ReferenceDataService referenceData;
    private Wgs84Reprojection reprojection;
    private int limit;

    protected ParcelMap() {
    }

    @Inject
    public ParcelMap(LandParcelRepository parcels, ReferenceDataService referenceData, Wgs84Reprojection reprojection) {
        this(parcels, referenceData, reprojection, LIMIT);
    }

    /** With another bound, for tests. */
    ParcelMap(LandParcelRepository parcels, ReferenceDataService referenceData, Wgs84Reprojection reprojection, int limit) {
        this.parcels = parcels;
        this.referenceData = referenceData;
        this.reprojection = reprojection;
        this.limit = limit;
    }

    /**
     * What the map shows.
     *
     * @param dzongkhag the dzongkhag asked for, as the reference data names it; null for all
     * @param parcels   at most {@code limit}, ordered by PIN
     * @param more      the register has more such parcels than {@code parcels} holds
     * @param limit     the most parcels an answer holds
     */
    public record Layer(String dzongkhag, List<MapParcel> parcels, boolean more, int limit) {
        public Layer {
            parcels = List.copyOf(parcels);
        }
    }

    /**
     * The parcels of {@code dzongkhag}, or of every dzongkhag when it is null or blank.
     *
     * @throws ValidationException field {@code dzongkhag}, code {@code dzongkhag.unknown}, when no dzongkhag has that name
     */
    public Layer layer(String dzongkhag) {
        String name = null;
        if (dzongkhag != null && !dzongkhag.isBlank()) {
            name = referenceData.dzongkhag(dzongkhag).map(Dzongkhag::name).orElseThrow(() -> unknown(dzongkhag.strip()));
        }
        // One row past the bound tells whether there are more.
        List<LandParcel> rows = parcels.liveWithBoundary(name, limit + 1);
        RecordKind.Pages pages = RecordKind.LAND_TITLE.pages().orElseThrow();
        List<MapParcel> shown = new ArrayList<>(Math.min(rows.size(), limit));
        for (LandParcel row : rows.subList(0, Math.min(rows.size(), limit))) {
            Boundary boundary = row.boundary().orElseThrow();
            shown.add(new MapParcel(row.pin(), row.dzongkhag(), row.gewog(), row.landType(), row.areaAcres(), boundary.crs(),
                    reprojection.toWgs84(boundary), pages.publicHref(row.pin())));
        }
        return new Layer(name, shown, rows.size() > limit, limit);
    }

    private static ValidationException unknown(String dzongkhag) {
        return ValidationException.of("dzongkhag", "dzongkhag.unknown",
                dzongkhag + " is not one of Bhutan's 20 dzongkhags; name one as the reference data spells it, e.g. Thimphu");
    }
}
