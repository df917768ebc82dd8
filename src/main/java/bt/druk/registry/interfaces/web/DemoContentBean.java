package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.demo.DemoContent;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.procurement.Tender;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Tells pages whether this database holds demo content, and which records are demo records. */
@Named
@RequestScoped
public class DemoContentBean {

    /** Parcels to look at first (see README): a finished sale, a gift in its notice period, a caveat. */
    static final List<String> EXAMPLE_PINS = List.of("KAW1-1108", "CHA2-0315", "MEW1-0877");

    @Inject
    DemoContent demoContent;

    private Long recordCount;
    private Long parcelCount;

    /** Records of every register the demo created (parcels, tenders, bids). */
    public long getTotalCount() {
        if (recordCount == null) {
            recordCount = demoContent.demoRecordCount();
        }
        return recordCount;
    }

    /** Land titles the demo created (the home page's "{0} invented demo parcels"). */
    public long getRecordCount() {
        if (parcelCount == null) {
            parcelCount = isLoaded() ? demoContent.demoParcelCount() : 0;
        }
        return parcelCount;
    }

    public boolean isLoaded() {
        return getTotalCount() > 0;
    }

    public List<String> getExamplePins() {
        return EXAMPLE_PINS;
    }

    /** True if the land title with this PIN was created by the demo content loader. */
    public boolean isDemoTitle(String pin) {
        return pin != null && isLoaded() && demoContent.isDemoRecord(LandTitle.recordKeyOf(pin));
    }

    /** True if the tender with this OCID was published by the demo content loader. */
    public boolean isDemoTender(String ocid) {
        return ocid != null && !ocid.isBlank() && isLoaded() && demoContent.isDemoRecord(Tender.keyOf(ocid.trim()).toString());
    }

    /** True if the bid with this record key ({@code bid:<ocid>:<n>}) was made by the demo's invented bidders. */
    public boolean isDemoBid(String bidKey) {
        return bidKey != null && isLoaded() && demoContent.isDemoRecord(bidKey);
    }
}
