package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandType;
import java.math.BigDecimal;
import java.util.List;

/**
 * First registration of a parcel. Field names used in validation errors: pin, thramNo,
 * dzongkhag, gewog, areaAcres, landType, owners, owners[i].name, owners[i].cid, owners[i].share.
 */
public record FirstRegistrationCommand(
        String pin,
        String thramNo,
        String dzongkhag,
        String gewog,
        BigDecimal areaAcres,
        LandType landType,
        List<OwnerInput> owners) {
}
