package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.browser.FacesHttpSession.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several land clerks working at the same time, each in their own session and one request at a
 * time, over plain HTTP exactly as their browsers talk to the portal (form posts, the PrimeFaces
 * ajax step that fills the gewogs of the chosen dzongkhag, the view state carried along). Every
 * sign-in, registration and caveat must succeed: no 403 for a signed-in clerk, no field lost
 * between the ajax step and the save, no sign-in refused because another one ran at the same moment.
 *
 * <p>On the shared portal ({@link PortalUnderTest#shared()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentClerksIT {

    private static final List<String> CLERKS = List.of("land.clerk", "land.clerk2");
    private static final int SESSIONS_PER_CLERK = 2;
    private static final int PARCELS_PER_SESSION = 12;
    private static final int SIMULTANEOUS_SIGN_INS = 8;
    private static final String REGISTER = FacesHttpSession.REGISTER;

    private PortalUnderTest portal;
    /** Keeps the PINs of this run apart from those of earlier runs against the same portal. */
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));

    @BeforeAll
    void startPortal() throws Exception {
        portal = PortalUnderTest.shared();
        System.out.println("[concurrent-clerks] portal " + portal.baseUrl);
    }

    @AfterAll
    void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void simultaneousSignInsOfOneAccountAllSucceedEachInANewSession() throws Exception {
        List<FacesHttpSession> devices = new ArrayList<>();
        List<String> sessionsBefore = new ArrayList<>();
        for (int i = 0; i < SIMULTANEOUS_SIGN_INS; i++) {
            FacesHttpSession device = new FacesHttpSession(portal.baseUrl);
            assertEquals(200, device.get("/login.xhtml").status());
            devices.add(device);
            sessionsBefore.add(device.sessionId());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS_SIGN_INS);
        try {
            List<Future<Page>> results = new ArrayList<>();
            for (FacesHttpSession device : devices) {
                results.add(pool.submit(() -> {
                    go.await();
                    return submitSignIn(device, "land.clerk");
                }));
            }
            go.countDown();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Page page = results.get(i).get(3, TimeUnit.MINUTES);
                if (!isDashboardOf(page, "land.clerk")) {
                    failures.add("sign-in " + i + ": " + page.summary());
                }
            }
            assertEquals(List.of(), failures, "every simultaneous sign-in of land.clerk succeeds");
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < devices.size(); i++) {
            FacesHttpSession device = devices.get(i);
            assertNotNull(sessionsBefore.get(i), "the sign-in page opened a session (its view state lives there)");
            assertNotEquals(sessionsBefore.get(i), device.sessionId(), "sign-in gives a new session id (no fixation)");
            Page register = device.get(REGISTER);
            assertTrue(isRegisterPage(register), "signed in, the clerk may open the register page: " + register.summary());
        }

        FacesHttpSession leaving = devices.get(0);
        Map<String, String> signOut = new LinkedHashMap<>();
        signOut.put("signOutForm", "signOutForm");
        signOut.put("signOutForm:signOut", "Sign out");
        leaving.post(REGISTER, signOut);
        Page afterSignOut = leaving.get(REGISTER);
        assertTrue(afterSignOut.uri().getPath().endsWith("/login.xhtml"),
                "after sign-out a clerk page asks for sign-in again: " + afterSignOut.summary());
        assertTrue(isRegisterPage(devices.get(1).get(REGISTER)), "signing out on one device leaves the others signed in");
    }

    @Test
    @Order(2)
    void clerksInSeveralSessionsRegisterAndLodgeCaveatsAtOnceWithoutOneFailure() throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger caveats = new AtomicInteger();
        int sessions = CLERKS.size() * SESSIONS_PER_CLERK;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long started = System.nanoTime();
        try {
            List<Future<?>> clerks = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                String username = CLERKS.get(s % CLERKS.size());
                String name = username + "#" + s;
                int session = s;
                clerks.add(pool.submit(() -> {
                    go.await();
                    FacesHttpSession browser = new FacesHttpSession(portal.baseUrl);
                    browser.get("/login.xhtml");
                    Page dashboard = submitSignIn(browser, username);
                    if (!isDashboardOf(dashboard, username)) {
                        failures.add(name + " sign-in: " + dashboard.summary());
                        return null;
                    }
                    for (int n = 0; n < PARCELS_PER_SESSION; n++) {
                        String pin = "CC" + run + "-" + session + "-" + n;
                        try {
                            String failure = registerAndLodgeCaveat(browser, pin, n, registered, caveats);
                            if (failure != null) {
                                failures.add(name + " " + pin + ": " + failure);
                            }
                        } catch (Exception e) {
                            failures.add(name + " " + pin + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> clerk : clerks) {
                clerk.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("[concurrent-clerks] " + sessions + " sessions: " + registered + " registrations and "
                + caveats + " caveats in " + seconds + " s, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("[concurrent-clerks] FAILED " + f));
        assertEquals(List.of(), List.copyOf(failures), "no clerk request fails");
        assertEquals(sessions * PARCELS_PER_SESSION, registered.get(), "every registration saved");
        assertEquals(sessions * PARCELS_PER_SESSION, caveats.get(), "every caveat saved");
    }

    /** One parcel through the real form, then a caveat on its title page; the failure, or null. */
    private static String registerAndLodgeCaveat(FacesHttpSession browser, String pin, int n,
                                                 AtomicInteger registered, AtomicInteger caveats) throws Exception {
        FacesHttpSession.Registration registration = browser.registerParcel(pin, n);
        if (!registration.saved()) {
            return registration.failure();
        }
        Page title = browser.followPartialRedirect(registration.response());
        String text = FacesHttpSession.unescape(title.body());
        if (title.status() != 200 || !text.contains(pin) || !text.contains(registration.dzongkhag())
                || !text.contains(registration.gewog())) {
            return "title page after saving (expected " + registration.dzongkhag() + "/" + registration.gewog() + "): "
                    + title.summary();
        }
        registered.incrementAndGet();

        String ref = "CV-" + pin;
        Map<String, String> caveat = new LinkedHashMap<>();
        caveat.put("caveat", "caveat");
        caveat.put("caveat:caveatRef", ref);
        caveat.put("caveat:reason", "Boundary dispute lodged by a neighbour");
        Page lodged = browser.ajax("/clerk/land/title.xhtml", "caveat:submit", "caveat",
                "caveat", null, caveat);
        if (lodged.status() != 200 || lodged.partialRedirect() == null) {
            return "caveat: " + lodged.errors() + " " + lodged.summary();
        }
        Page after = browser.followPartialRedirect(lodged);
        if (after.status() != 200 || !after.body().contains(ref)) {
            return "title page after the caveat: " + after.summary();
        }
        caveats.incrementAndGet();
        return null;
    }

    private Page submitSignIn(FacesHttpSession browser, String username) throws Exception {
        return browser.postSignIn(username, portal.demoPassword);
    }

    private static boolean isDashboardOf(Page page, String username) {
        return page.status() == 200 && page.uri().getPath().endsWith("/clerk/index.xhtml")
                && page.body().contains(username);
    }

    private static boolean isRegisterPage(Page page) {
        return page.status() == 200 && page.uri().getPath().endsWith(REGISTER)
                && page.body().contains("id=\"register:save\"");
    }
}
