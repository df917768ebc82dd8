package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Drops a land title's cached public pages as soon as the pipeline changes its current version, so
 * the cache does not hold renderings no request can match any more (their stamps already differ).
 */
@ApplicationScoped
public class PublicPageInvalidation implements RecordProjection {

    @Inject
    PublicPageCache cache;

    @Override
    public String kind() {
        return LandTitle.KIND;
    }

    @Override
    public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
        cache.evict(recordKey);
    }
}
