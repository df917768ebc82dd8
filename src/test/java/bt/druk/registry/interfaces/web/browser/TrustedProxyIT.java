package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 26's "throttles that survive a proxy" with a real reverse proxy: Debian's nginx on
 * 127.0.0.1 ({@link ReverseProxy}, TLS on port 18472, plain HTTP on 18473) in front of the shared
 * portal ({@link PortalUnderTest#shared()}), which is started with
 * {@code druk.http.trustedProxies=127.0.0.1}. Every client is a
 * {@link LoopbackBrowser} at an address of its own in 127.0.0.0/8, so nginx reports a different
 * {@code X-Forwarded-For} for each, as it would for browsers elsewhere:
 * <ul>
 * <li>over the proxy's TLS the session cookie has {@code Secure} (also the one renewed at sign-in)
 *     and pages carry HSTS; over its plain port, or from an untrusted peer that claims
 *     {@code X-Forwarded-Proto: https} itself, neither;</li>
 * <li>30 wrong passwords through the proxy from one address (with a forged {@code X-Forwarded-For}
 *     naming the clerk's address) stop that address, even with the right password, and leave
 *     land.clerk signing in through the proxy from another address and directly. Before the setting
 *     every request came from the proxy's 127.0.0.1, and the same 30 stopped every clerk.</li>
 * </ul>
 * Needs nginx ({@code apt-get install nginx}, installed by {@code .ci/run}); fails, never skips, without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustedProxyIT {

    private static final String CONTEXT = "/druk-registry";
    private static final String ATTACKER = "127.0.0.5";
    private static final String CLERK = "127.0.0.6";
    /** Connects to the portal itself, and is no trusted proxy. */
    private static final String STRANGER = "127.0.0.9";

    private PortalUnderTest portal;
    private ReverseProxy proxy;
    private int portalPort;

    @BeforeAll
    void start() throws Exception {
        assertTrue(ReverseProxy.nginx().isPresent(),
                "nginx is not installed: apt-get install -y nginx (.ci/run does); this test runs the portal behind it");
        portal = PortalUnderTest.shared();
        portalPort = URI.create(portal.baseUrl).getPort();
        proxy = ReverseProxy.start(PortalUnderTest.buildDir().resolve("trusted-proxy-it").resolve("nginx"), portalPort,
                Integer.getInteger("druk.trustedProxy.tlsPort", 18472), Integer.getInteger("druk.trustedProxy.plainPort", 18473));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {proxy, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[trusted-proxy-it] close failed: " + e);
            }
        }
    }

    private LoopbackBrowser overTls(String from) throws Exception {
        return new LoopbackBrowser(from, proxy.tlsPort, proxy.tls);
    }

    private String failure(String what, LoopbackBrowser.Response response) {
        return what + ": HTTP " + response.status() + " " + response.headers() + "\n"
                + response.page().summary() + "\nportal:\n" + portal.logTail() + "\n" + proxy.log();
    }

    private static boolean secure(String setCookie) {
        return List.of(setCookie.toLowerCase().split(";")).stream().map(String::strip).anyMatch("secure"::equals);
    }

    @Test
    @Order(1)
    void overTheProxysTlsTheSessionCookieIsSecureAndPagesCarryHsts() throws Exception {
        LoopbackBrowser clerk = overTls(CLERK);
        LoopbackBrowser.Response login = clerk.get(CONTEXT + "/login.xhtml");
        assertEquals(200, login.status(), failure("the sign-in page through the proxy", login));
        assertEquals("max-age=31536000", login.first("Strict-Transport-Security"), failure("HSTS behind the proxy's TLS", login));
        assertFalse(clerk.sessionCookies().isEmpty(), failure("the sign-in page keeps a session", login));
        assertTrue(clerk.sessionCookies().stream().allMatch(TrustedProxyIT::secure), "Secure: " + clerk.sessionCookies());

        String before = clerk.sessionId();
        LoopbackBrowser.Response signedIn = clerk.postSignIn(CONTEXT, "land.clerk", portal.demoPassword);
        assertTrue(LoopbackBrowser.signedIn(signedIn), failure("land.clerk signs in through the proxy", signedIn));
        assertNotNull(clerk.sessionId());
        assertFalse(clerk.sessionId().equals(before), "a new session id at sign-in");
        String renewed = clerk.sessionCookies().get(clerk.sessionCookies().size() - 1);
        assertTrue(secure(renewed), "the session cookie renewed at sign-in keeps Secure: " + renewed);
        assertTrue(renewed.toLowerCase().contains("httponly") && renewed.toLowerCase().contains("samesite=lax"), renewed);

        LoopbackBrowser.Response dashboard = clerk.get(URI.create(signedIn.first("Location")).getRawPath());
        assertEquals(200, dashboard.status(), failure("the staff pages with that cookie", dashboard));
        assertTrue(dashboard.body().contains("land.clerk") || dashboard.body().contains("Land clerk"),
                failure("signed in as land.clerk", dashboard));
    }

    @Test
    @Order(2)
    void overPlainHttpOrFromAnUntrustedPeerThatClaimsHttpsNeither() throws Exception {
        LoopbackBrowser plain = new LoopbackBrowser(CLERK, proxy.plainPort, null);
        LoopbackBrowser.Response viaProxy = plain.get(CONTEXT + "/login.xhtml");
        assertEquals(200, viaProxy.status(), failure("the sign-in page through the proxy's plain port", viaProxy));
        assertEquals(null, viaProxy.first("Strict-Transport-Security"), "no HSTS when the proxy says http");
        assertFalse(plain.sessionCookies().isEmpty(), failure("a session", viaProxy));
        assertTrue(plain.sessionCookies().stream().noneMatch(TrustedProxyIT::secure), "not Secure: " + plain.sessionCookies());

        LoopbackBrowser stranger = new LoopbackBrowser(STRANGER, portalPort, null)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", CLERK);
        LoopbackBrowser.Response direct = stranger.get(CONTEXT + "/login.xhtml");
        assertEquals(200, direct.status(), failure("the sign-in page straight from " + STRANGER, direct));
        assertEquals(null, direct.first("Strict-Transport-Security"), "an untrusted peer's X-Forwarded-Proto is not believed");
        assertTrue(stranger.sessionCookies().stream().noneMatch(TrustedProxyIT::secure), "not Secure: " + stranger.sessionCookies());
    }

    @Test
    @Order(3)
    void thirtyWrongPasswordsThroughTheProxyFromOneAddressLeaveTheClerkSigningInElsewhere() throws Exception {
        // The guesser forges X-Forwarded-For with the clerk's address; nginx appends its real one.
        LoopbackBrowser guesser = overTls(ATTACKER).header("X-Forwarded-For", CLERK);
        LoopbackBrowser.Response page = guesser.get(CONTEXT + "/login.xhtml");
        assertEquals(200, page.status(), failure("the sign-in page", page));
        // Five at the clerk's name (that name's lock at this address), then other names: 30 failures
        // in all, this address's own lock.
        for (int i = 0; i < 30; i++) {
            String name = i < 5 ? "land.clerk" : "guess" + i;
            LoopbackBrowser.Response refused = guesser.postSignIn(CONTEXT, name, "wrong-" + i);
            assertFalse(LoopbackBrowser.signedIn(refused), failure("guess " + i, refused));
            assertEquals(200, refused.status(), failure("guess " + i + " answers with the page again", refused));
        }
        LoopbackBrowser.Response locked = guesser.postSignIn(CONTEXT, "land.clerk", portal.demoPassword);
        assertFalse(LoopbackBrowser.signedIn(locked), failure("the guesser's address is stopped, even with the right password", locked));
        assertTrue(locked.body().contains("Too many failed sign-ins"), failure("and told so on the form", locked));

        LoopbackBrowser clerk = overTls(CLERK);
        LoopbackBrowser.Response elsewhere = clerk.signIn(CONTEXT, "land.clerk", portal.demoPassword);
        assertTrue(LoopbackBrowser.signedIn(elsewhere),
                failure("land.clerk still signs in through the proxy from " + CLERK + " (the forged address)", elsewhere));

        LoopbackBrowser desk = new LoopbackBrowser("127.0.0.1", portalPort, null);
        LoopbackBrowser.Response direct = desk.signIn(CONTEXT, "land.clerk", portal.demoPassword);
        assertTrue(LoopbackBrowser.signedIn(direct), failure("land.clerk still signs in straight to the portal", direct));
    }
}
