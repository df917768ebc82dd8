package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bt.druk.registry.interfaces.web.browser.FacesHttpSession.Registration;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.BusyMachine;
import bt.druk.registry.testing.RunsAlone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The portal started exactly as a user starts it, {@code deploy/up.sh}, several times in a row on
 * one run directory (so every start after the first finds the previous start's files, as a
 * restart does), with every core kept busy beside it ({@link BusyMachine}): every start must come
 * up ready and commit a clerk's registration to the auditor's peer within 30 s. This is the test
 * that would have caught the double deployment of a kept server root, whose ledger client was
 * broken for good.
 */
@RunsAlone
class PortalStartsIT {

    static final int STARTS = Integer.getInteger("druk.starts", 3);
    static final int PORT = Integer.getInteger("druk.starts.port", 18087);
    static final Duration COMMIT_LIMIT = Duration.ofSeconds(30);
    /** The demo users' password, given to deploy/up.sh as DRUK_DEMO_PASSWORD (up.sh makes none of its own). */
    static final String DEMO_PASSWORD = randomPassword();

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Test
    void everyStartTheWayUpShDoesItCommitsARegistrationWithin30Seconds() throws Exception {
        NetworkScript.ensureUp();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        Path run = Files.createDirectories(PortalUnderTest.buildDir().toAbsolutePath()
                .resolve("portal-starts").resolve(stamp));
        List<String> timings = new ArrayList<>();
        BusyMachine busy = BusyMachine.start();
        try {
            for (int n = 1; n <= STARTS; n++) {
                int start = n;
                long began = System.nanoTime();
                upSh(run);
                long upSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
                try {
                    String password = DEMO_PASSWORD;
                    assertFalse(Files.readString(run.resolve("portal.log"), StandardCharsets.UTF_8).contains(password),
                            "start " + start + ": the demo password is not in the portal's log");
                    for (Path file : List.of(run.resolve("portal.log"), run.resolve("data/druk.mv.db"), run.resolve("data/demo-logins.txt"))) {
                        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                                "start " + start + ": " + run.relativize(file) + " is readable by the portal's user alone");
                    }
                    FacesHttpSession clerk = new FacesHttpSession("http://127.0.0.1:" + PORT);
                    assertTrue(clerk.signIn("land.clerk", password).uri().getPath().endsWith("/clerk/index.xhtml"),
                            "start " + start + ": land.clerk signs in");
                    String pin = "PS" + stamp + "-" + start;
                    Registration registration = clerk.registerParcel(pin, start);
                    assertTrue(registration.saved(), () -> "start " + start + ": " + registration.failure());
                    long saved = System.nanoTime();
                    Duration toLedger = awaitOnAuditPeer("land-title:" + pin, saved);
                    timings.add("start " + start + ": up.sh " + upSeconds + " s, on the auditor's peer "
                            + toLedger.toMillis() + " ms after the clerk was told 'Saved'");
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\nportal log: " + run.resolve("portal.log"), e);
                } finally {
                    stopPortal(run);
                }
            }
        } finally {
            busy.close();
            timings.forEach(t -> System.out.println("[portal-starts] " + t));
            System.out.println("[portal-starts] " + busy.summary());
        }
        assertEquals(STARTS, timings.size());
    }

    /** deploy/up.sh on the already built WAR; it returns only when the portal is ready and its ledger check passes. */
    private static void upSh(Path run) throws IOException, InterruptedException {
        Path log = run.resolve("up-sh.log");
        ProcessBuilder builder = new ProcessBuilder(
                PortalUnderTest.projectDir().resolve("deploy/up.sh").toAbsolutePath().toString(), "--no-build", "--no-demo")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(PortalUnderTest.upShSettings());
        env.put("DRUK_RUN_DIR", run.toString());
        env.put("DRUK_PORT", Integer.toString(PORT));
        env.put("DRUK_BUILD_DIR", PortalUnderTest.buildDir().toAbsolutePath().toString());
        env.put("DRUK_DEMO_PASSWORD", DEMO_PASSWORD);
        Process up = builder.start();
        if (!up.waitFor(8, TimeUnit.MINUTES)) {
            up.destroyForcibly();
            fail("deploy/up.sh did not return within 8 min: " + log);
        }
        assertEquals(0, up.exitValue(), () -> "deploy/up.sh failed: " + PortalUnderTest.tail(log, 30));
    }

    private static Duration awaitOnAuditPeer(String key, long savedNanos) throws InterruptedException {
        String last = "";
        while (System.nanoTime() - savedNanos < COMMIT_LIMIT.toNanos()) {
            NetworkScript.Result answer = NetworkScript.run("query", "inspector", "audit", "GetRecord", key);
            if (answer.succeeded() && answer.output().contains("\"key\":\"" + key + "\"")) {
                return Duration.ofNanos(System.nanoTime() - savedNanos);
            }
            last = answer.output();
            Thread.sleep(500);
        }
        throw new AssertionError(key + " was not on the auditor's peer within " + COMMIT_LIMIT.toSeconds()
                + " s of being saved; last answer: " + last);
    }

    /** Stops the portal with the same function deploy/down.sh uses (TERM, then KILL), leaving the network running. */
    private static void stopPortal(Path run) throws IOException, InterruptedException {
        Path script = PortalUnderTest.projectDir().resolve("deploy/lib/portal-process.sh").toAbsolutePath();
        // RUN as up.sh computes it, so that portal_pid recognises the process by its --rootdir.
        Process stop = new ProcessBuilder("bash", "-c", "RUN=\"$(realpath -m \"$2\")\" && source \"$1\" && portal_stop",
                "stop-portal", script.toString(), run.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!stop.waitFor(2, TimeUnit.MINUTES)) {
            stop.destroyForcibly();
            fail("portal_stop did not return within 2 min");
        }
        assertEquals(0, stop.exitValue(), "portal_stop");
    }
}
