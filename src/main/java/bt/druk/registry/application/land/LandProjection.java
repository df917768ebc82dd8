package bt.druk.registry.application.land;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Keeps the land_parcel search rows in step with each title's current version. */
@ApplicationScoped
public class LandProjection implements RecordProjection {

    private LandParcelRepository parcels;
    private LandTitleReader reader;
    private Clock clock;

    protected LandProjection() {
    }

    @Inject
    public LandProjection(LandParcelRepository parcels, LandTitleReader reader, Clock clock) {
        this.parcels = parcels;
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return LandTitle.KIND;
    }

    @Override
    public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
        if (current.isEmpty()) {
            parcels.remove(recordKey);
            return;
        }
        RecordVersion version = current.get();
        LandTitle title = reader.read(version.canonicalJson());
        LandParcel row = parcels.find(recordKey).orElse(null);
        if (row == null) {
            row = new LandParcel(recordKey);
            row.update(title, version.version(), version.id(), clock.instant());
            parcels.add(row);
        } else {
            row.update(title, version.version(), version.id(), clock.instant());
        }
    }
}
