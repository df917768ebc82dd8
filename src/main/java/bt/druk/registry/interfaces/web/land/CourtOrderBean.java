package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.CourtOrderTransferCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.file.FileUploads;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registering a court's verdict on a parcel the same day: the court, its case number, the order as
 * a file (kept in the file store; its SHA-256 goes to the ledger) and the owners the court named.
 */
@Named
@ViewScoped
public class CourtOrderBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CourtOrderBean.class.getName());
    /** The form's id, and the file field's name: refusals of the order's hash show at the file. */
    static final String FORM = "courtOrder";
    static final String FILE_FIELD = LandTitle.COURT_ORDER_SHA256;

    @Inject
    LandTitleService titles;

    @Inject
    transient FileUploads uploads;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String pin;
    private LandTitleStaffView view;
    private String court;
    private String caseNumber;
    private transient Part order;
    private final OwnersEditor newOwners = new OwnersEditor();

    public void load() {
        if (view == null) {
            view = StaffTitles.find(titles, currentStaff, pin); // the version the clerk started from stays across postbacks
        }
    }

    /** Stores the order, then saves the transfer with its hash; then the title's page. */
    public String register() {
        return Submissions.run(messages, FORM, () -> titles.transferByCourtOrder(currentStaff.require(),
                new CourtOrderTransferCommand(view.title().parcel().pin(), view.currentVersion(), court, caseNumber,
                        stored().sha256(), newOwners.inputs())));
    }

    /** The uploaded order in the file store (its hash is the server's own); refusals next to the file field. */
    private StoredFile stored() {
        try {
            return uploads.store(order, FILE_FIELD);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "court order upload failed", e);
            throw ValidationException.of(FILE_FIELD, "courtOrder.upload", "The order could not be stored; choose it and save again");
        }
    }

    public boolean isFound() {
        return view != null;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public LandTitleStaffView getView() { return view; }
    public String getCourt() { return court; }
    public void setCourt(String court) { this.court = court; }
    public String getCaseNumber() { return caseNumber; }
    public void setCaseNumber(String caseNumber) { this.caseNumber = caseNumber; }
    public Part getOrder() { return order; }
    public void setOrder(Part order) { this.order = order; }
    public OwnersEditor getNewOwners() { return newOwners; }
}
