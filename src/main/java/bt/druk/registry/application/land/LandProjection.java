package bt.druk.registry.application.land;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.LandHoldingRepository;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the land_parcel search rows and the land_holding rows (each live title's owners' shares, for
 * the Land Act 2007's family ceiling) in step with each title's current version, and tells
 * {@link LiveBoundaries} when a parcel's boundary changed (the overlap index follows the rows).
 */
@ApplicationScoped
public class LandProjection implements RecordProjection {

    private LandParcelRepository parcels;
    private LandTitleReader reader;
    private Clock clock;
    private LiveBoundaries boundaries;
    private LandHoldingRepository holdings;

    protected LandProjection() {
    }

    @Inject
    public LandProjection(LandParcelRepository parcels, LandHoldingRepository holdings, LandTitleReader reader, Clock clock,
                          LiveBoundaries boundaries) {
        this.parcels = parcels;
        this.holdings = holdings;
        this.reader = reader;
        this.clock = clock;
        this.boundaries = boundaries;
    }

    /** Without an overlap index of its own (wired by hand where no registration checks overlaps). */
    public LandProjection(LandParcelRepository parcels, LandHoldingRepository holdings, LandTitleReader reader, Clock clock) {
        this(parcels, holdings, reader, clock, new LiveBoundaries(parcels));
    }

    @Override
    public String kind() {
        return LandTitle.KIND;
    }

    @Override
    public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
        LandParcel row = parcels.find(recordKey).orElse(null);
        Boundary before = row == null || row.status() == TitleStatus.RETIRED ? null : row.boundary().orElse(null);
        if (current.isEmpty()) {
            if (row != null) {
                parcels.remove(recordKey);
                boundaries.changed(row.pin(), before, null);
            }
            holdings.replace(recordKey, List.of());
            return;
        }
        RecordVersion version = current.get();
        LandTitle title = reader.read(version.canonicalJson());
        // A retired parcel keeps its boundary as history; only live parcels count in the overlap check.
        Boundary after = title.status() == TitleStatus.RETIRED ? null : title.parcel().boundary();
        if (!java.util.Objects.equals(before, after)) {
            boundaries.changed(title.parcel().pin(), before, after);
        }
        // A retired parcel went into others: its land is counted there.
        holdings.replace(recordKey, title.status() == TitleStatus.RETIRED ? List.of() : holdingsOf(title));
        if (row == null) {
            row = new LandParcel(recordKey);
            row.update(title, version.version(), version.id(), clock.instant());
            parcels.add(row);
        } else {
            row.update(title, version.version(), version.id(), clock.instant());
        }
    }

    /** The title's owners' shares of its area (every owner has a CID; one read without is nobody's family). */
    public static List<LandHolding> holdingsOf(LandTitle title) {
        return title.owners().stream().filter(o -> o.cid() != null)
                .map(o -> new LandHolding(title.recordKey(), o.cid(), o.share(), title.parcel().areaAcres())).toList();
    }
}
