package bt.druk.registry.interfaces.web.language;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The layout's language link: the page the reader is on, in the other language ({@code ?lang=}),
 * named in that language's own script so a reader who cannot read the current one still finds it.
 */
@Named("languageSwitch")
@RequestScoped
public class LanguageSwitch {

    /** The language the page is rendered in (the view's locale). */
    public String getCurrent() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : null;
        String language = locale == null ? null : Languages.supported(locale.getLanguage());
        return language == null ? Languages.SUPPORTED.get(0) : language;
    }

    /** The language the link offers: Dzongkha on an English page, English on a Dzongkha one. */
    public String getOther() {
        return other(getCurrent());
    }

    /** The other language's name in its own script: རྫོང་ཁ or English. */
    public String getOtherName() {
        return name(getOther());
    }

    /** This page (as the reader asked for it) with {@code lang} set to the other language. */
    public String getUrl() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return url(request, getOther());
    }

    static String other(String language) {
        return language.equals("dz") ? "en" : "dz";
    }

    static String name(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return locale.getDisplayLanguage(locale);
    }

    /**
     * The address the reader asked for (on an error page or after a forward, the original one), its
     * query kept but for {@code lang}.
     */
    static String url(HttpServletRequest request, String language) {
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String query = null;
        if (uri == null) {
            uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            query = uri == null ? null : (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        }
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        return uri + "?" + Languages.withLanguage(query, language);
    }
}
