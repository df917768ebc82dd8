package bt.druk.registry.interfaces.web.language;

import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a page in the language the reader chose. {@code ?lang=dz} (or {@code en}) on any page
 * sets the {@value Languages#COOKIE} cookie, so the choice holds on the next pages without an HTTP
 * session (public pages are stateless views and open none for anonymous readers); while a choice
 * stands, the request offers Faces only that language as its accepted locale, and Faces' own
 * locale calculation picks it from the supported ones. Without a choice the browser's
 * Accept-Language decides, as before.
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** A year: the choice is a reader's preference, not a login. */
    static final int COOKIE_SECONDS = 365 * 24 * 3600;

    @Inject
    transient ClientConnections clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> chosen = Languages.chosen(request);
        if (chosen.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String language = chosen.get();
        if (request.getDispatcherType() == DispatcherType.REQUEST && !Languages.fromCookie(request).equals(chosen)) {
            response.addCookie(cookie(request, language, clients.secure(request)));
        }
        chain.doFilter(new ChosenLanguage(request, Locale.forLanguageTag(language)), response);
    }

    /** The choice's cookie; {@code Secure} when the client came over TLS (to a trusted proxy in front, too). */
    static Cookie cookie(HttpServletRequest request, String language, boolean secure) {
        Cookie cookie = new Cookie(Languages.COOKIE, language);
        String path = request.getContextPath();
        cookie.setPath(path == null || path.isEmpty() ? "/" : path);
        cookie.setMaxAge(COOKIE_SECONDS);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The request as if its browser accepted only the chosen language. */
    static final class ChosenLanguage extends HttpServletRequestWrapper {

        private final Locale locale;

        ChosenLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }
    }
}
