package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.MergeCommand;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Merging neighbouring parcels of the same owners into one, from the title page of the first: the
 * other parcels by PIN (at the version the clerk sees when saving), and the merged parcel's PIN,
 * area and, optionally, land type and surveyed boundary.
 */
@Named
@ViewScoped
public class MergeBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_PARENTS = 20;

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
    /** The parcels to merge: the first is the one whose page the clerk came from, then the others by PIN. */
    private final List<Parent> parents = new ArrayList<>();
    private final SubdivideBean.Child merged = new SubdivideBean.Child();

    public void load() {
        if (view != null) {
            return; // keep the version the clerk started from across postbacks
        }
        view = StaffTitles.find(titles, currentStaff, pin);
        if (view != null) {
            parents.add(new Parent(view.title().parcel().pin()));
            parents.add(new Parent(null));
        }
    }

    /** Saves the merger; then the merged parcel's page, which names the parcels it came from. */
    public String merge() {
        List<MergeCommand.Parent> given = new ArrayList<>();
        for (Parent parent : parents) {
            // The first at the version the clerk saw; the others as they are when the merger is saved.
            given.add(new MergeCommand.Parent(parent.getPin() == null ? null : parent.getPin().trim(),
                    parent.isFixed() ? view.currentVersion() : null));
        }
        SubdivideCommand.Child child = merged.toCommand();
        return Submissions.run(messages, "merge", () -> lineage.merge(currentStaff.require(), new MergeCommand(given, child)).get(0));
    }

    public void add() {
        if (parents.size() < MAX_PARENTS) {
            parents.add(new Parent(null));
        }
    }

    public void remove(Parent parent) {
        if (parents.size() > 2 && !parent.isFixed()) {
            parents.remove(parent);
        }
    }

    public boolean isFound() {
        return view != null;
    }

    /** True when the title, as loaded, cannot be merged (the same conditions as a subdivision). */
    public boolean isBlocked() {
        return view != null && !view.title().canBeSubdivided();
    }

    public boolean isCanAdd() {
        return parents.size() < MAX_PARENTS;
    }

    public boolean isCanRemove() {
        return parents.size() > 2;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public LandTitleStaffView getView() { return view; }
    public List<Parent> getParents() { return parents; }
    public SubdivideBean.Child getMerged() { return merged; }

    /** A parcel to merge, by PIN; the first (fixed) is the page's own. */
    public static class Parent implements Serializable {

        private static final long serialVersionUID = 1L;

        private final boolean fixed;
        private String pin;

        Parent(String fixedPin) {
            this.fixed = fixedPin != null;
            this.pin = fixedPin;
        }

        public boolean isFixed() { return fixed; }
        public String getPin() { return pin; }
        public void setPin(String pin) {
            if (!fixed) {
                this.pin = pin;
            }
        }
    }
}
