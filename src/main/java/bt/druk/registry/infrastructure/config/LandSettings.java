package bt.druk.registry.infrastructure.config;

import bt.druk.registry.domain.land.OfficeDzongkhags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The land settings: {@code druk.land.officeDzongkhags}, which land office registers the parcels of
 * which dzongkhags ({@code OFFICE=Dzongkhag,Dzongkhag;OFFICE=...}), by default the ledger's built-in
 * table ({@link OfficeDzongkhags#DEFAULT_SETTING}). A value that is not such a table stops the portal
 * with the setting's name.
 */
@ApplicationScoped
public class LandSettings {

    /** Dependent: a record cannot be proxied, and reading the setting is cheap. */
    @Produces
    public OfficeDzongkhags officeDzongkhags() {
        String value = Setting.LAND_OFFICE_DZONGKHAGS.text();
        try {
            return OfficeDzongkhags.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Setting.LAND_OFFICE_DZONGKHAGS.key() + " is not OFFICE=Dzongkhag,Dzongkhag;OFFICE=...: " + e.getMessage(), e);
        }
    }
}
