package bt.druk.registry.interfaces.web.language;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a request is answered in: {@code ?lang=en|dz} if given, else the {@value #COOKIE}
 * cookie a former {@code ?lang=} set, else the first supported language the browser accepts, else
 * English. The page cache ({@code PublicPageFilter}) and Faces ({@link LanguageFilter}) both ask
 * here, so a cached page is always one rendered in the reader's language.
 */
public final class Languages {

    /** The languages of faces-config.xml's locale-config, the default first. */
    public static final List<String> SUPPORTED = List.of("en", "dz");
    public static final String PARAMETER = "lang";
    public static final String COOKIE = "druk-lang";

    private Languages() {
    }

    /** The language the reader chose by link or cookie, if any (a supported one only). */
    public static Optional<String> chosen(HttpServletRequest request) {
        String parameter = supported(request.getParameter(PARAMETER));
        if (parameter != null) {
            return Optional.of(parameter);
        }
        return fromCookie(request);
    }

    /** The supported language in the {@value #COOKIE} cookie, if any. */
    public static Optional<String> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    String language = supported(cookie.getValue());
                    if (language != null) {
                        return Optional.of(language);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The language the page is rendered in (see the class comment). */
    public static String of(HttpServletRequest request) {
        Optional<String> chosen = chosen(request);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            String language = supported(locales.nextElement().getLanguage());
            if (language != null) {
                return language;
            }
        }
        return SUPPORTED.get(0);
    }

    /** The supported language code for this text ({@code "DZ "} → {@code dz}), or null. */
    static String supported(String text) {
        if (text == null) {
            return null;
        }
        String language = text.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(language) ? language : null;
    }

    /**
     * The same query with {@code lang} set to the language (any {@code lang} it had dropped): the link
     * that shows the page the reader is on in another language.
     */
    public static String withLanguage(String queryString, String language) {
        StringBuilder query = new StringBuilder();
        if (queryString != null && !queryString.isEmpty()) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty() || pair.equals(PARAMETER) || pair.startsWith(PARAMETER + "=")) {
                    continue;
                }
                query.append(pair).append('&');
            }
        }
        return query.append(PARAMETER).append('=').append(language).toString();
    }
}
