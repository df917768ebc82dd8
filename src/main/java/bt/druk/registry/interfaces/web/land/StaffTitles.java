package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.interfaces.web.security.CurrentStaff;

/** The title a clerk's form works on, from the page's {@code pin} parameter. */
final class StaffTitles {

    private StaffTitles() {
    }

    /** The title with this PIN as staff see it, or null where the PIN is malformed, unknown or not the clerk's register. */
    static LandTitleStaffView find(LandTitleService titles, CurrentStaff staff, String pin) {
        if (pin == null || !LandRecordBean.PIN.matcher(pin.trim()).matches()) {
            return null;
        }
        try {
            return titles.findForStaff(staff.require(), pin.trim()).orElse(null);
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
