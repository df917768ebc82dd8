package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.ParcelSearch;
import bt.druk.registry.application.land.ParcelSummary;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Citizen search by PIN, thram number or dzongkhag/gewog. The criteria are view parameters, so a
 * search result is a bookmarkable URL, e.g. {@code /records/search.xhtml?dzongkhag=Paro&gewog=Lango}.
 */
@Named
@RequestScoped
public class LandSearchBean {

    @Inject
    LandPublicService publicService;

    @Inject
    Messages messages;

    private String pin;
    private String thram;
    private String dzongkhag;
    private String gewog;
    private List<ParcelSummary> results;

    /** View action: runs the search when the URL carries criteria. */
    public void load() {
        if (blank(pin) && blank(thram) && blank(dzongkhag) && blank(gewog)) {
            results = null;
            return;
        }
        try {
            results = publicService.search(new ParcelSearch(trim(pin), trim(thram), trim(dzongkhag), trim(gewog)));
        } catch (ValidationException e) {
            results = null;
            messages.show(e, "search");
        }
    }

    /** Submit: redirect to the bookmarkable URL of this search. */
    public String search() {
        if (blank(pin) && blank(thram) && blank(dzongkhag) && blank(gewog)) {
            messages.error(null, "search.needCriteria");
            return null;
        }
        return "/records/search?faces-redirect=true&includeViewParams=true";
    }

    public void onDzongkhagChange() {
        gewog = null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    public boolean isSearched() {
        return results != null;
    }

    public List<ParcelSummary> getResults() {
        return results;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public String getThram() { return thram; }
    public void setThram(String thram) { this.thram = thram; }
    public String getDzongkhag() { return dzongkhag; }
    public void setDzongkhag(String dzongkhag) { this.dzongkhag = dzongkhag; }
    public String getGewog() { return gewog; }
    public void setGewog(String gewog) { this.gewog = gewog; }
}
