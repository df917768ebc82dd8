package bt.druk.registry.application.staff;

import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.TotpSecret;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seeds the demo staff users on first start (empty staff table), with the same user names as the
 * Fabric identities enrolled by deploy/.
 *
 * <p>Passwords: if {@code druk.demo.password} [DRUK_DEMO_PASSWORD] is set, every demo user gets it
 * (scripts and tests); otherwise each user gets a random 16-character password. Second factor: the
 * {@code admin} user always gets an enrolled TOTP factor, and with random passwords every demo staff
 * user does; its {@code otpauth://} key URI ends the user's line of the logins file
 * ({@code  totp: otpauth://totp/...}) and its recovery codes follow on an indented line. The user
 * names go to the server log once; passwords and secrets only to
 * {@code <druk.data.dir>/demo-logins.txt} (owner-readable only), which deploy/up.sh prints once. Set {@code druk.demo.seed=false} to
 * start with no users at all (a real deployment creates accounts through the admin).
 *
 * <p>Three demo suppliers (issue 25) are seeded the same way, with the same password rule, when the
 * supplier table is empty (also on a database whose staff were seeded by an earlier release); their
 * logins are written to the same file. The procurement demo content lodges its bids as them.
 *
 * <p>Accounts given the shared password share one hash of it, salt included: a PBKDF2 hash costs
 * 0.17 s of CPU (0.64 s on the quick JIT tier test portals run on), which was nine of them and
 * a third of a test portal's start, and salts of their own would protect nothing, since whoever
 * cracks one account's hash has every other's password too.
 */
@ApplicationScoped
public class DemoStaffSeeder {

    private static final Logger LOG = Logger.getLogger(DemoStaffSeeder.class.getName());
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** Demo staff: user name, display name, role, register, office. */
    record Demo(String username, String displayName, Role role, Register register, String office) {
    }

    static final List<Demo> DEMO_USERS = List.of(
            new Demo("land.clerk", "Land clerk (Thimphu)", Role.CLERK, Register.LAND, "THIMPHU"),
            new Demo("land.clerk2", "Land clerk (Paro)", Role.CLERK, Register.LAND, "PARO"),
            new Demo("procurement.clerk", "Procurement clerk (Thimphu)", Role.CLERK, Register.PROCUREMENT, "THIMPHU"),
            new Demo("notary.clerk", "Notary clerk (Thimphu)", Role.CLERK, Register.NOTARY, "THIMPHU"),
            new Demo("inspector", "Inspector (Royal Audit Authority)", Role.INSPECTOR, null, null),
            new Demo("admin", "Administrator", Role.ADMIN, null, null));

    /** Demo supplier: user name, registration number, business name, contact person, e-mail, telephone. */
    public record DemoSupplier(String username, String registrationNumber, String businessName, String contactPerson,
                               String email, String phone) {
    }

    /** One business name is written in Dzongkha and Latin, as registered names may be. */
    public static final List<DemoSupplier> DEMO_SUPPLIERS = List.of(
            new DemoSupplier("supplier.druk", "CDB-2026-0101", "Druk Builders Pvt Ltd", "Karma Dorji",
                    "tenders@drukbuilders.example.bt", "+975 2 330101"),
            new DemoSupplier("supplier.yangphel", "CDB-2026-0102", "Yangphel Construction", "Pema Wangmo",
                    "bids@yangphel.example.bt", "+975 2 330102"),
            new DemoSupplier("supplier.kunleg", "CDB-2026-0103", "ཀུན་ལེགས་ Construction", "Kinley Wangmo",
                    "tender@kunleg.example.bt", "+975 2 330103"));

    @Inject
    StaffAccountService accounts;

    @Inject
    SupplierAccounts suppliers;

    @Inject
    DemoSeeding seeding;

    @Inject
    PasswordHasher hasher;

    private volatile boolean done;

    /** Runs after the schema migrations (which observe the same event with the default priority). */
    void onStart(@Observes @Priority(5000) @Initialized(ApplicationScoped.class) Object event) {
        try {
            ensureSeeded();
        } catch (RuntimeException e) {
            // Not fatal: the first sign-in tries again.
            LOG.log(Level.WARNING, "demo staff users could not be seeded at start-up; will retry at first sign-in", e);
        }
    }

    /** Seeds the demo users if the staff table is empty. Idempotent and cheap after the first call. */
    public synchronized void ensureSeeded() {
        if (done) {
            return;
        }
        if (!seeding.enabled()) {
            done = true;
            return;
        }
        String shared = seeding.sharedPassword().orElse(null);
        Map<String, String> hashes = new HashMap<>();
        Function<String, String> hashOf = password -> hashes.computeIfAbsent(password, p -> hasher.hash(p.toCharArray()));
        SecureRandom random = new SecureRandom();
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean staffSeeded = false;
        if (accounts.count() == 0) {
            for (Demo demo : DEMO_USERS) {
                String password = shared != null ? shared : randomPassword(random);
                accounts.create(demo.username(), demo.displayName(), demo.role(), demo.register(), demo.office(),
                        hashOf.apply(password));
                String line = String.format("  %-18s %-10s %-12s %-8s password: %s", demo.username(), demo.role().code(),
                        demo.register() == null ? "-" : demo.register().code(),
                        demo.office() == null ? "-" : demo.office(), password);
                if (hasFactor(demo, shared)) {
                    StaffAccountService.DemoFactor factor = accounts.enrolDemoFactor(demo.username(), TotpSecret.random(random));
                    lines.add(line + " totp: " + factor.keyUri());
                    lines.add("    recovery codes: " + String.join(", ", factor.recoveryCodes()));
                    names.add(demo.username() + " (with second factor)");
                } else {
                    lines.add(line);
                    names.add(demo.username());
                }
            }
            staffSeeded = true;
        }
        try {
            seedSuppliers(shared, hashOf, random, lines, names);
        } catch (RuntimeException e) {
            // Never in the way of staff sign-in, which calls this: the suppliers are tried again at the next start.
            LOG.log(Level.WARNING, "demo suppliers could not be seeded", e);
        }
        done = true;
        if (lines.isEmpty()) {
            return;
        }
        // Logs are copied, shipped and read by others: passwords and secrets go only to the private logins file.
        StringBuilder banner = new StringBuilder("\n=== Druk Registry demo staff and supplier accounts (seeded on first start) ===\n");
        names.forEach(name -> banner.append("  ").append(name).append('\n'));
        if (shared != null) {
            banner.append("=== password: the one set as druk.demo.password")
                    .append(staffSeeded ? "; admin's TOTP secret: in demo-logins.txt of the data directory" : "");
        } else {
            banner.append(staffSeeded ? "=== passwords and TOTP secrets" : "=== passwords")
                    .append(": in demo-logins.txt of the data directory");
        }
        banner.append("; change or remove these accounts before real use ===");
        LOG.warning(banner::toString);
        writeLoginsFile(lines, !staffSeeded);
    }

    /**
     * Whether a demo staff user gets a TOTP second factor: the administrator always (the factor is
     * always required of it), every user when the passwords are random; with a shared password
     * (scripts and tests that sign in with a password alone) no one else.
     */
    static boolean hasFactor(Demo demo, String shared) {
        return shared == null || demo.role() == Role.ADMIN;
    }

    /**
     * The demo suppliers, if there are none yet. A shared demo password shorter than a supplier
     * password may be gives them random ones instead (in the logins file).
     */
    private void seedSuppliers(String shared, Function<String, String> hashOf, SecureRandom random, List<String> lines,
                               List<String> names) {
        if (suppliers.count() > 0) {
            return;
        }
        boolean sharedFits = shared != null && shared.length() >= SupplierAccounts.MIN_PASSWORD_LENGTH;
        if (shared != null && !sharedFits) {
            LOG.warning("druk.demo.password is shorter than a supplier password may be; demo suppliers get their own");
        }
        for (DemoSupplier demo : DEMO_SUPPLIERS) {
            String password = sharedFits ? shared : randomPassword(random);
            suppliers.registerForDemo(new SupplierAccounts.Registration(demo.businessName(), demo.registrationNumber(),
                    demo.contactPerson(), demo.email(), demo.phone(), demo.username()), password.toCharArray(),
                    hashOf.apply(password));
            lines.add(String.format("  %-18s %-10s %-12s %-8s password: %s", demo.username(), "supplier",
                    demo.registrationNumber(), "-", password));
            names.add(demo.username());
        }
    }

    /** Writes the logins file, or adds to it when the staff in it were seeded before. */
    private void writeLoginsFile(List<String> lines, boolean append) {
        Path file = seeding.loginsFolder().resolve("demo-logins.txt");
        try {
            Files.createDirectories(file.getParent());
            List<String> content = new ArrayList<>();
            if (!append || !Files.exists(file)) {
                content.add("# Druk Registry demo staff and supplier logins, seeded on first start");
            }
            content.addAll(lines);
            if (append) {
                Files.write(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.write(file, content, StandardCharsets.UTF_8);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.info(() -> "demo staff logins written to " + file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write " + file, e);
        }
    }

    private static String randomPassword(SecureRandom random) {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
