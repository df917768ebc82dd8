package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Subdividing a parcel (an inheritance, the sale of a part): rows of new parcels, each with its
 * PIN, area and, optionally, land type and surveyed boundary. The owners and open mortgages go
 * with the land to every child, so the form does not ask for them.
 */
@Named
@ViewScoped
public class SubdivideBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 100;

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
    private final List<Child> children = new ArrayList<>(List.of(new Child(), new Child()));

    public void load() {
        if (view != null) {
            return; // keep the version the clerk started from across postbacks
        }
        view = StaffTitles.find(titles, currentStaff, pin);
    }

    /** Saves the subdivision; then the parent's page, which names the parcels it went into. */
    public String subdivide() {
        List<SubdivideCommand.Child> given = children.stream().map(Child::toCommand).toList();
        return Submissions.run(messages, "subdivide", () -> {
            List<SubmissionAck> acks = lineage.subdivide(currentStaff.require(),
                    new SubdivideCommand(view.title().parcel().pin(), view.currentVersion(), given));
            return acks.get(0);
        });
    }

    public void add() {
        if (children.size() < MAX_ROWS) {
            children.add(new Child());
        }
    }

    public void remove(Child child) {
        if (children.size() > 2) {
            children.remove(child);
        }
    }

    public boolean isFound() {
        return view != null;
    }

    /** True when the title, as loaded, cannot be subdivided (a caveat, a pending transfer, or retired already). */
    public boolean isBlocked() {
        return view != null && !view.title().canBeSubdivided();
    }

    public boolean isCanAdd() {
        return children.size() < MAX_ROWS;
    }

    public boolean isCanRemove() {
        return children.size() > 2;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public LandTitleStaffView getView() { return view; }
    public List<Child> getChildren() { return children; }

    /** One new parcel as typed. */
    public static class Child implements Serializable {

        private static final long serialVersionUID = 1L;

        private String pin;
        private BigDecimal areaAcres;
        private LandType landType;
        private String boundary;

        SubdivideCommand.Child toCommand() {
            return new SubdivideCommand.Child(trim(pin), null, null, areaAcres, landType, trim(boundary));
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        public String getPin() { return pin; }
        public void setPin(String pin) { this.pin = pin; }
        public BigDecimal getAreaAcres() { return areaAcres; }
        public void setAreaAcres(BigDecimal areaAcres) { this.areaAcres = areaAcres; }
        public LandType getLandType() { return landType; }
        public void setLandType(LandType landType) { this.landType = landType; }
        public String getBoundary() { return boundary; }
        public void setBoundary(String boundary) { this.boundary = boundary; }
    }
}
