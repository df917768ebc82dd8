package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bt.druk.registry.interfaces.web.browser.FacesHttpSession.Page;
import bt.druk.registry.network.NetworkScript;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Saved — awaiting ledger" means stored: two clerks register parcels through the real form as fast
 * as the portal takes them, the portal's JVM is killed with SIGKILL in the middle of the burst and
 * started again on the same data directory. Every registration the portal acknowledged (the clerk
 * was sent to the title page) must be in the database after the restart and, a little later, on the
 * ledger exactly once (one ledger write, version 1, with the portal's hash).
 *
 * <p>With H2's default write delay the last commits before the kill were lost (issue 8, part 2).
 * Port {@code druk.crash.port} (default 18085); the ledger wait {@code druk.crash.ledgerSeconds}.
 */
class AcknowledgedRegistrationsSurviveCrashIT {

    private static final List<String> CLERKS = List.of("land.clerk", "land.clerk2");
    private static final int SESSIONS_PER_CLERK = 2;
    /** Acknowledgements to wait for before the kill timer starts (the first saves compile the pages). */
    private static final int WARM_ACKS = 8;
    private static final long BURST_MILLIS_BEFORE_KILL = 4000;

    private static final Pattern FACT_PIN = Pattern.compile("<dd id=\"factPin\">([^<]*)</dd>");
    private static final Pattern FIRST_HASH = Pattern.compile("<code class=\"hash\">([0-9a-f]{64})</code>");
    private static final Pattern HEADER_BADGES = Pattern.compile(
            "(?s)class=\"record-header__badges\">(.*?)</div>");
    private static final Pattern BADGE = Pattern.compile("badge--([a-z-]+)");

    /** One registration the portal acknowledged: the clerk's save was answered with the title page. */
    record Ack(String pin, String clerk, long atMillis) {
    }

    /** What the public record page says about a PIN after the restart. */
    record PublicRecord(String pin, String hash, String ledgerState) {
    }

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));
    private final AtomicInteger sequence = new AtomicInteger();
    /** Released on every acknowledgement, so that the kill can follow one within milliseconds. */
    private final Semaphore acknowledgement = new Semaphore(0);

    @Test
    void everyAcknowledgedRegistrationSurvivesAKillOfThePortalAndReachesTheLedgerExactlyOnce() throws Exception {
        long started = System.nanoTime();
        PortalUnderTest portal = PortalUnderTest.startOwn("crash-it", Integer.getInteger("druk.crash.port", 18085));
        PortalUnderTest dead = portal;
        try {
            ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> clerks = new ArrayList<>();
            for (String clerk : CLERKS) {
                for (int i = 0; i < SESSIONS_PER_CLERK; i++) {
                    String base = portal.baseUrl;
                    String password = portal.demoPassword;
                    Thread thread = new Thread(() -> registerUntilKilled(base, clerk, password, acks, refusals, killed),
                            "clerk-" + clerk + "-" + i);
                    thread.start();
                    clerks.add(thread);
                }
            }

            // Kill mid-burst: once the clerks are saving at full speed, a few seconds in, and right
            // after an acknowledgement, when a save that is not yet durable would be lost.
            long warmDeadline = System.currentTimeMillis() + 90_000;
            while (acks.size() < WARM_ACKS && System.currentTimeMillis() < warmDeadline && clerks.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(100);
            }
            assertTrue(acks.size() >= WARM_ACKS, () -> "the clerks could not save: " + acks.size() + " acknowledged; "
                    + refusals + "\n" + dead.logTail());
            Thread.sleep(BURST_MILLIS_BEFORE_KILL);
            acknowledgement.drainPermits();
            acknowledgement.tryAcquire(30, TimeUnit.SECONDS);
            killed.set(true);
            long killedAt = System.currentTimeMillis();
            portal.kill();
            for (Thread thread : clerks) {
                thread.join(70_000);
            }
            // Every answer the clerks received counts, even one read just after the kill: the portal sent it.
            List<Ack> acknowledged = List.copyOf(acks);
            System.out.printf("[crash] %d registrations acknowledged before the kill (%d refused: %s)%n",
                    acknowledged.size(), refusals.size(), refusals.stream().limit(5).toList());

            portal = portal.restart();
            FacesHttpSession citizen = new FacesHttpSession(portal.baseUrl);
            List<String> lost = new ArrayList<>();
            Map<String, PublicRecord> stored = new LinkedHashMap<>();
            for (Ack ack : acknowledged) {
                Optional<PublicRecord> record = publicRecord(citizen, ack.pin());
                if (record.isPresent()) {
                    stored.put(ack.pin(), record.get());
                } else {
                    lost.add(ack.pin() + " (" + ack.clerk() + ", " + (killedAt - ack.atMillis()) + " ms before the kill)");
                }
            }
            System.out.printf("[crash] after the restart: %d of %d acknowledged registrations in the database, lost: %s%n",
                    stored.size(), acknowledged.size(), lost);
            assertEquals(List.of(), lost, lost.size() + " of " + acknowledged.size()
                    + " acknowledged registrations are gone after the portal was killed");

            // On the ledger: the portal's follower marks each version committed; then the ledger's own history.
            long ledgerDeadline = System.currentTimeMillis() + 1000L * Integer.getInteger("druk.crash.ledgerSeconds", 150);
            List<String> pending = new ArrayList<>(stored.keySet());
            while (!pending.isEmpty() && System.currentTimeMillis() < ledgerDeadline) {
                List<String> still = new ArrayList<>();
                for (String pin : pending) {
                    PublicRecord now = publicRecord(citizen, pin).orElseThrow(() -> new AssertionError(pin + " vanished"));
                    if (!now.ledgerState().equals("committed")) {
                        still.add(pin);
                    }
                }
                pending = still;
                if (!pending.isEmpty()) {
                    Thread.sleep(3000);
                }
            }
            List<String> notCommitted = new ArrayList<>();
            for (String pin : pending) {
                notCommitted.add(pin + " " + publicRecord(citizen, pin).map(PublicRecord::ledgerState).orElse("?"));
            }
            assertEquals(List.of(), notCommitted, "acknowledged registrations not committed on the ledger in time");

            List<String> wrong = new ArrayList<>();
            for (PublicRecord record : stored.values()) {
                JsonArray history = NetworkScript.ledgerHistory("land-title:" + record.pin());
                if (history.size() != 1) {
                    wrong.add(record.pin() + ": " + history.size() + " ledger writes");
                    continue;
                }
                JsonObject entry = history.getJsonObject(0).getJsonObject("value");
                if (entry.getInt("version") != 1 || !entry.getString("hash").equals(record.hash())) {
                    wrong.add(record.pin() + ": ledger has v" + entry.getInt("version") + " " + entry.getString("hash")
                            + ", portal " + record.hash());
                }
            }
            assertEquals(List.of(), wrong, "every acknowledged registration on the ledger exactly once, with the portal's hash");
            System.out.printf("[crash] all %d acknowledged registrations stored and on the ledger once; %d s in all%n",
                    stored.size(), (System.nanoTime() - started) / 1_000_000_000L);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("[crash] log of the killed portal:\n" + dead.logTail());
            if (portal != dead) {
                System.out.println("[crash] log of the restarted portal:\n" + portal.logTail());
            }
            throw e;
        } finally {
            portal.close();
            dead.kill();
        }
    }

    /** One clerk's session: sign in, then register parcel after parcel until the portal is killed. */
    private void registerUntilKilled(String base, String clerk, String password, ConcurrentLinkedQueue<Ack> acks,
                                     ConcurrentLinkedQueue<String> refusals, AtomicBoolean killed) {
        try {
            FacesHttpSession session = new FacesHttpSession(base);
            Page home = session.signIn(clerk, password);
            if (!home.uri().getPath().contains("/clerk/")) {
                refusals.add(clerk + " sign-in: " + home.summary());
                return;
            }
            while (!killed.get()) {
                String pin = "CR" + run + "-" + sequence.incrementAndGet();
                Page saved = session.registerParcel(pin, sequence.get()).response();
                String target = saved.partialRedirect();
                if (target != null && target.contains("/clerk/land/title.xhtml") && target.contains("pin=" + pin + "&")) {
                    acks.add(new Ack(pin, clerk, System.currentTimeMillis()));
                    acknowledgement.release();
                } else if (!killed.get()) {
                    refusals.add(pin + ": " + saved.summary());
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!killed.get()) {
                refusals.add(clerk + ": " + e);
            }
            // after the kill: the request in flight was never acknowledged
        }
    }

    /** The public record page of a PIN: empty when the portal has no title with it. */
    private static Optional<PublicRecord> publicRecord(FacesHttpSession citizen, String pin) throws IOException, InterruptedException {
        Page page = citizen.get("/records/land.xhtml?pin=" + pin);
        Matcher fact = FACT_PIN.matcher(page.body());
        if (page.status() != 200 || !fact.find()) {
            if (page.status() != 200 && page.status() != 404) {
                throw new AssertionError("record page of " + pin + ": " + page.summary());
            }
            return Optional.empty();
        }
        assertEquals(pin, fact.group(1));
        Matcher hash = FIRST_HASH.matcher(page.body());
        Matcher header = HEADER_BADGES.matcher(page.body());
        if (!hash.find() || !header.find()) {
            fail("no hash or badges on the record page of " + pin + ": " + page.summary());
        }
        List<String> badges = new ArrayList<>();
        Matcher badge = BADGE.matcher(header.group(1));
        while (badge.find()) {
            badges.add(badge.group(1));
        }
        // The header shows the title's status, then its ledger state.
        return Optional.of(new PublicRecord(pin, hash.group(1), badges.get(badges.size() - 1)));
    }
}
