package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.AdjustBoundaryCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Moving the boundary between the page's parcel and a neighbour (a resurvey, a strip sold between
 * neighbours): each parcel's area and surveyed boundary after the move. The PINs, owners and
 * mortgages stay, so the form does not ask for them.
 */
@Named
@ViewScoped
public class AdjustBoundaryBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LandTitleService titles;

    @Inject
    ParcelLineageService lineage;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String pin;
    private LandTitleStaffView view;
    private final Side parcel = new Side();
    private final Side neighbour = new Side();

    public void load() {
        if (view == null) {
            view = StaffTitles.find(titles, currentStaff, pin); // the version the clerk started from stays across postbacks
        }
    }

    /** Saves both parcels' new versions; then this parcel's page. */
    public String adjust() {
        AdjustBoundaryCommand command = new AdjustBoundaryCommand(
                parcel.toCommand(view.title().parcel().pin(), view.currentVersion()), neighbour.toCommand(neighbour.pin, null));
        return Submissions.run(messages, "adjust", () -> lineage.adjustBoundary(currentStaff.require(), command).get(0));
    }

    public boolean isFound() {
        return view != null;
    }

    /** True when the title, as loaded, cannot be adjusted (a caveat, a pending transfer, or retired). */
    public boolean isBlocked() {
        return view != null && !view.title().canBeSubdivided();
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public LandTitleStaffView getView() { return view; }
    public Side getParcel() { return parcel; }
    public Side getNeighbour() { return neighbour; }

    /** One parcel after the adjustment, as typed; the page's own parcel has no PIN field. */
    public static class Side implements Serializable {

        private static final long serialVersionUID = 1L;

        private String pin;
        private BigDecimal areaAcres;
        private String boundary;

        AdjustBoundaryCommand.Side toCommand(String givenPin, Integer expectedVersion) {
            return new AdjustBoundaryCommand.Side(trim(givenPin), expectedVersion, areaAcres, trim(boundary));
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        public String getPin() { return pin; }
        public void setPin(String pin) { this.pin = pin; }
        public BigDecimal getAreaAcres() { return areaAcres; }
        public void setAreaAcres(BigDecimal areaAcres) { this.areaAcres = areaAcres; }
        public String getBoundary() { return boundary; }
        public void setBoundary(String boundary) { this.boundary = boundary; }
    }
}
