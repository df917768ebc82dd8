package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Lodging a transfer (sale, gift, inheritance) to new owners; it then waits through the notice period. */
@Named
@ViewScoped
public class LodgeTransferBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LandTitleService titles;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String pin;
    private LandTitleStaffView view;
    private TransferType transferType;
    private final OwnersEditor newOwners = new OwnersEditor();

    public void load() {
        if (view != null) {
            return; // keep the version the clerk started from across postbacks
        }
        view = StaffTitles.find(titles, currentStaff, pin);
    }

    public String lodge() {
        return Submissions.run(messages, "transfer", () -> titles.lodgeTransfer(currentStaff.require(),
                new LodgeTransferCommand(view.title().parcel().pin(), view.currentVersion(), transferType,
                        newOwners.inputs())));
    }

    public boolean isFound() {
        return view != null;
    }

    /** True when the title, as loaded, cannot take a transfer (open mortgage or caveat, or one already pending). */
    public boolean isBlocked() {
        return view != null && !view.title().canLodgeTransfer();
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public LandTitleStaffView getView() { return view; }
    public TransferType getTransferType() { return transferType; }
    public void setTransferType(TransferType transferType) { this.transferType = transferType; }
    public OwnersEditor getNewOwners() { return newOwners; }
}
