package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** First registration of a parcel by a land clerk. */
@Named
@ViewScoped
public class RegisterParcelBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LandTitleService titles;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String pin;
    private String thramNo;
    private String dzongkhag;
    private String gewog;
    private BigDecimal areaAcres;
    private LandType landType;
    private final OwnersEditor owners = new OwnersEditor();

    public void onDzongkhagChange() {
        gewog = null;
    }

    public String save() {
        return Submissions.run(messages, "register", () -> titles.registerFirstTitle(currentStaff.require(),
                new FirstRegistrationCommand(pin, thramNo, dzongkhag, gewog, areaAcres, landType, owners.inputs())));
    }

    /** Only the dzongkhags this clerk's office registers parcels in. */
    public List<String> getDzongkhags() {
        return titles.dzongkhagsServedBy(currentStaff.require());
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public String getThramNo() { return thramNo; }
    public void setThramNo(String thramNo) { this.thramNo = thramNo; }
    public String getDzongkhag() { return dzongkhag; }
    public void setDzongkhag(String dzongkhag) { this.dzongkhag = dzongkhag; }
    public String getGewog() { return gewog; }
    public void setGewog(String gewog) { this.gewog = gewog; }
    public BigDecimal getAreaAcres() { return areaAcres; }
    public void setAreaAcres(BigDecimal areaAcres) { this.areaAcres = areaAcres; }
    public LandType getLandType() { return landType; }
    public void setLandType(LandType landType) { this.landType = landType; }
    public OwnersEditor getOwners() { return owners; }
}
