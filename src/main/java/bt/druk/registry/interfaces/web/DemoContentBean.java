package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.demo.DemoContent;
import bt.druk.registry.domain.land.LandTitle;
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

    public long getRecordCount() {
        if (recordCount == null) {
            recordCount = demoContent.demoRecordCount();
        }
        return recordCount;
    }

    public boolean isLoaded() {
        return getRecordCount() > 0;
    }

    public List<String> getExamplePins() {
        return EXAMPLE_PINS;
    }

    /** True if the land title with this PIN was created by the demo content loader. */
    public boolean isDemoTitle(String pin) {
        return pin != null && isLoaded() && demoContent.isDemoRecord(LandTitle.recordKeyOf(pin));
    }
}
