package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.ParcelSearch;
import bt.druk.registry.application.land.ParcelSummary;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The page is a stateless view: a postback rebuilds it before any submitted value is applied,
     * so the gewog menu would be built disabled and without the chosen dzongkhag's gewogs, and the
     * gewog chosen would be dropped. The dzongkhag submitted is taken from the request first.
     */
    @PostConstruct
    void takeTheSubmittedDzongkhag() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        Map<String, String> submitted = faces.getExternalContext().getRequestParameterMap();
        // PrimeFaces' selectOneMenu posts its value as <client id>_input.
        String chosen = submitted.getOrDefault("search:dzongkhag_input", submitted.get("search:dzongkhag"));
        if (!blank(chosen)) {
            dzongkhag = chosen;
        }
    }

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

    /**
     * Submit: redirect to the bookmarkable URL of this search. Built here rather than with
     * {@code includeViewParams}, which a stateless view answers with no parameters at all.
     */
    public void search() throws IOException {
        if (blank(pin) && blank(thram) && blank(dzongkhag) && blank(gewog)) {
            messages.error(null, "search.needCriteria");
            return;
        }
        Map<String, List<String>> criteria = new LinkedHashMap<>();
        putIfGiven(criteria, "pin", pin);
        putIfGiven(criteria, "thram", thram);
        putIfGiven(criteria, "dzongkhag", dzongkhag);
        putIfGiven(criteria, "gewog", gewog);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.encodeRedirectURL(external.getRequestContextPath() + "/records/search.xhtml", criteria));
    }

    private static void putIfGiven(Map<String, List<String>> criteria, String name, String value) {
        if (!blank(value)) {
            criteria.put(name, List.of(value.trim()));
        }
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
