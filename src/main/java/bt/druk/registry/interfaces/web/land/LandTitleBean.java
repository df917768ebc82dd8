package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.application.land.FinaliseTransferCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.ObjectToTransferCommand;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.land.ReleaseCaveatCommand;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The clerk's page of one land title ({@code /clerk/land/title.xhtml?pin=...}): full owners, the
 * chain of title with ledger states (refreshed while a version is pending), and the follow-up
 * transactions: object to / finalise a transfer, mortgage and discharge, caveat and release.
 */
@Named
@ViewScoped
public class LandTitleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LandTitleService titles;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String pin;
    private String saved;
    private LandTitleStaffView view;
    private boolean denied;
    /** The owners' households as recorded, by CID, and the families above the Land Act 2007's ceiling, in the page's language. */
    private Map<String, String> households = Map.of();
    private List<String> ceilingWarnings = List.of();

    // follow-up transaction inputs
    private String objectorName;
    private String objectionReason;
    private String mortgageRef;
    private String lender;
    private String dischargeRef;
    private String caveatRef;
    private String caveatReason;
    private String releaseRef;

    public void load() {
        view = null;
        denied = false;
        if (pin == null || !LandRecordBean.PIN.matcher(pin.trim()).matches()) {
            return;
        }
        try {
            view = titles.findForStaff(currentStaff.require(), pin.trim()).orElse(null);
            if (view != null) {
                households = titles.recordedHouseholds(currentStaff.require(), view.title().owners().stream().map(o -> o.cid()).toList());
                ceilingWarnings = titles.familyCeilingWarnings(currentStaff.require(), pin.trim()).stream()
                        .map(messages::errorText).toList();
            }
        } catch (AccessDeniedException e) {
            denied = true;
        }
    }

    /** Poll listener: reloads while a version waits for the ledger. */
    public void refresh() {
        if (view != null) {
            load();
        }
    }

    private Integer expected() {
        return view == null ? null : view.currentVersion();
    }

    private String currentPin() {
        return view == null ? pin : view.title().parcel().pin();
    }

    public String objectToTransfer() {
        return Submissions.run(messages, "object", () -> titles.objectToTransfer(currentStaff.require(),
                new ObjectToTransferCommand(currentPin(), expected(), objectorName, objectionReason)));
    }

    public String finaliseTransfer() {
        return Submissions.run(messages, "finalise", () -> titles.finaliseTransfer(currentStaff.require(),
                new FinaliseTransferCommand(currentPin(), expected())));
    }

    public String registerMortgage() {
        return Submissions.run(messages, "mortgage", () -> titles.registerMortgage(currentStaff.require(),
                new RegisterMortgageCommand(currentPin(), expected(), mortgageRef, lender)));
    }

    public String dischargeMortgage() {
        return Submissions.run(messages, "discharge", () -> titles.dischargeMortgage(currentStaff.require(),
                new DischargeMortgageCommand(currentPin(), expected(), dischargeRef)));
    }

    public String lodgeCaveat() {
        return Submissions.run(messages, "caveat", () -> titles.lodgeCaveat(currentStaff.require(),
                new LodgeCaveatCommand(currentPin(), expected(), caveatRef, caveatReason)));
    }

    public String releaseCaveat() {
        return Submissions.run(messages, "release", () -> titles.releaseCaveat(currentStaff.require(),
                new ReleaseCaveatCommand(currentPin(), expected(), releaseRef)));
    }

    public boolean isFound() {
        return view != null;
    }

    public boolean isDenied() {
        return denied;
    }

    /** True while any version of the record waits for the ledger (the page polls). */
    public boolean isPending() {
        return view != null && view.chainOfTitle().stream().anyMatch(v -> v.ledgerState() == LedgerState.PENDING);
    }

    public boolean isTransferPending() {
        return view != null && view.title().status() == TitleStatus.TRANSFER_PENDING;
    }

    public boolean isCanLodgeTransfer() {
        return view != null && view.title().canLodgeTransfer();
    }

    public boolean isCanEncumber() {
        return view != null && view.title().status() != TitleStatus.TRANSFER_PENDING && view.title().status() != TitleStatus.RETIRED;
    }

    public boolean isRetired() {
        return view != null && view.title().status() == TitleStatus.RETIRED;
    }

    /** No caveat open and no transfer pending: what the ledger requires of a parcel it subdivides. */
    public boolean isCanSubdivide() {
        return view != null && view.title().canBeSubdivided();
    }

    public boolean isMayActOnRegister() {
        return currentStaff.isLandClerk();
    }

    /** The version that was just saved (from the {@code saved} URL parameter), if it belongs to this record. */
    public VersionView getSavedVersion() {
        if (view == null || saved == null || !saved.matches("[0-9]{1,9}")) {
            return null;
        }
        int version = Integer.parseInt(saved);
        return view.chainOfTitle().stream().filter(v -> v.version() == version).findFirst().orElse(null);
    }

    public List<VersionView> getChainNewestFirst() {
        if (view == null) {
            return List.of();
        }
        List<VersionView> newestFirst = new ArrayList<>(view.chainOfTitle());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The household recorded for an owner's CID, or null. */
    public String household(String cid) {
        return households.get(cid);
    }

    /** Each family of the owners that holds more than the ceiling now (a court's verdict, land held before the Act). */
    public List<String> getCeilingWarnings() {
        return ceilingWarnings;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public String getSaved() { return saved; }
    public void setSaved(String saved) { this.saved = saved; }
    public LandTitleStaffView getView() { return view; }
    public String getObjectorName() { return objectorName; }
    public void setObjectorName(String objectorName) { this.objectorName = objectorName; }
    public String getObjectionReason() { return objectionReason; }
    public void setObjectionReason(String objectionReason) { this.objectionReason = objectionReason; }
    public String getMortgageRef() { return mortgageRef; }
    public void setMortgageRef(String mortgageRef) { this.mortgageRef = mortgageRef; }
    public String getLender() { return lender; }
    public void setLender(String lender) { this.lender = lender; }
    public String getDischargeRef() { return dischargeRef; }
    public void setDischargeRef(String dischargeRef) { this.dischargeRef = dischargeRef; }
    public String getCaveatRef() { return caveatRef; }
    public void setCaveatRef(String caveatRef) { this.caveatRef = caveatRef; }
    public String getCaveatReason() { return caveatReason; }
    public void setCaveatReason(String caveatReason) { this.caveatReason = caveatReason; }
    public String getReleaseRef() { return releaseRef; }
    public void setReleaseRef(String releaseRef) { this.releaseRef = releaseRef; }
}
