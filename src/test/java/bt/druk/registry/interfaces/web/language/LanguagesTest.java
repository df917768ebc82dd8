package bt.druk.registry.interfaces.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.client.TrustedProxies;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theLinkWinsOverTheCookieWhichWinsOverTheBrowser() {
        assertEquals("en", Languages.of(new FakeHttp().accept("fr").request()));
        assertEquals("dz", Languages.of(new FakeHttp().accept("fr", "dz-BT", "en").request()));
        assertEquals("en", Languages.of(new FakeHttp().accept("dz").cookie(Languages.COOKIE, "en").request()));
        assertEquals("dz", Languages.of(new FakeHttp().accept("en").cookie(Languages.COOKIE, "dz").request()));
        assertEquals("dz", Languages.of(new FakeHttp().accept("en").cookie(Languages.COOKIE, "en").param("lang", "DZ").request()));
        // An unsupported choice is no choice: the browser decides.
        assertEquals("dz", Languages.of(new FakeHttp().accept("dz").cookie(Languages.COOKIE, "fr").param("lang", "<x>").request()));
        assertTrue(Languages.chosen(new FakeHttp().accept("dz").request()).isEmpty());
    }

    @Test
    void theSwitchLinkKeepsTheQueryButReplacesTheLanguage() {
        assertEquals("lang=dz", Languages.withLanguage(null, "dz"));
        assertEquals("pin=KAW1-1108&lang=dz", Languages.withLanguage("pin=KAW1-1108", "dz"));
        assertEquals("pin=KAW1-1108&check=ledger&lang=en", Languages.withLanguage("lang=dz&pin=KAW1-1108&check=ledger", "en"));
        assertEquals("language=x&lang=en", Languages.withLanguage("language=x&lang", "en"));

        FakeHttp page = new FakeHttp();
        page.query = "pin=CHA2-0315&lang=en";
        assertEquals("/records/land.xhtml?pin=CHA2-0315&lang=dz", LanguageSwitch.url(page.request(), "dz"));
        // On the error page a reader sees after a 404, the link shows the address they asked for.
        FakeHttp error = new FakeHttp();
        error.uri = "/not-found.xhtml";
        error.attributes.put(RequestDispatcher.ERROR_REQUEST_URI, "/records/land.xhtml");
        assertEquals("/records/land.xhtml?lang=en", LanguageSwitch.url(error.request(), "en"));
    }

    @Test
    void eachLanguageIsOfferedInItsOwnScript() {
        assertEquals("dz", LanguageSwitch.other("en"));
        assertEquals("en", LanguageSwitch.other("dz"));
        assertEquals("རྫོང་ཁ", LanguageSwitch.name("dz"));
        assertEquals("English", LanguageSwitch.name("en"));
    }

    @Test
    void aLinkSetsTheCookieAndFacesSeesOnlyTheChosenLanguageWithoutASession() throws IOException, ServletException {
        FakeHttp http = new FakeHttp().accept("en-US", "en").param("lang", "dz");
        List<Locale> seen = run(http);
        assertEquals(List.of(Locale.forLanguageTag("dz")), seen);
        assertEquals(1, http.setCookies.size());
        Cookie cookie = http.setCookies.get(0);
        assertEquals(Languages.COOKIE, cookie.getName());
        assertEquals("dz", cookie.getValue());
        assertEquals("/", cookie.getPath());
        assertEquals(LanguageFilter.COOKIE_SECONDS, cookie.getMaxAge());
        assertTrue(cookie.isHttpOnly());
        assertEquals("Lax", cookie.getAttribute("SameSite"));
        assertFalse(http.sessionAsked, "a language choice never opens an HTTP session");
    }

    @Test
    void theCookieAloneKeepsTheLanguageAndIsNotSetAgain() throws IOException, ServletException {
        FakeHttp http = new FakeHttp().accept("en").cookie(Languages.COOKIE, "dz");
        assertEquals(List.of(Locale.forLanguageTag("dz")), run(http));
        assertTrue(http.setCookies.isEmpty());

        FakeHttp back = new FakeHttp().accept("dz").cookie(Languages.COOKIE, "dz").param("lang", "en");
        assertEquals(List.of(Locale.ENGLISH), run(back));
        assertEquals("en", back.setCookies.get(0).getValue());
    }

    @Test
    void withoutAChoiceTheBrowsersLanguagesPassUnchanged() throws IOException, ServletException {
        FakeHttp http = new FakeHttp().accept("dz-BT", "en");
        assertEquals(List.of(Locale.forLanguageTag("dz-BT"), Locale.ENGLISH), run(http));
        assertTrue(http.setCookies.isEmpty());
    }

    @Test
    void theLayoutCarriesTheSwitchAndItsTitleIsInTheBundle() throws IOException {
        String layout = Files.readString(Path.of("webapp/WEB-INF/templates/layout.xhtml"));
        assertTrue(layout.contains("<d:languageSwitch/>"), "every page's layout has the language link");
        assertTrue(layout.contains("lang=\"#{view.locale.language}\""), "<html lang> follows the view's language");
        String tag = Files.readString(Path.of("webapp/WEB-INF/tags/languageSwitch.xhtml"));
        assertTrue(tag.contains("#{languageSwitch.url}") && tag.contains("msg['language.switch']"), tag);
        assertNull(Languages.supported("fr"));
    }

    /** The locales the rest of the chain (Faces) sees after the filter. */
    private static List<Locale> run(FakeHttp http) throws IOException, ServletException {
        AtomicReference<List<Locale>> seen = new AtomicReference<>();
        LanguageFilter filter = new LanguageFilter();
        filter.clients = new ClientConnections(TrustedProxies.NONE);
        filter.doFilter(http.request(), http.response(), (ServletRequest request, jakarta.servlet.ServletResponse response) ->
                seen.set(new ArrayList<>(Collections.list(((HttpServletRequest) request).getLocales()))));
        return seen.get();
    }
}
