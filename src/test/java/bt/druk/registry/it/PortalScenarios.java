package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.AuditEntry;
import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.staff.SignInThrottle;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.domain.staff.SignInStrikes;
import bt.druk.registry.application.audit.AuditQueries;
import bt.druk.registry.application.audit.TamperReport;
import bt.druk.registry.application.audit.TamperReportJobs;
import bt.druk.registry.application.audit.TamperWarnings;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.ParcelSearch;
import bt.druk.registry.application.land.PublicTitleView;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.application.notary.BatchPolicy;
import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.application.verify.HashOccurrences;
import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.RecordWritten;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.RecordStamps;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import bt.druk.registry.application.procurement.ocds.OcdsExport;
import bt.druk.registry.application.procurement.ocds.OcdsLinks;
import bt.druk.registry.application.procurement.ocds.ReleaseTimeline;
import bt.druk.registry.domain.shared.JsonProviders;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Services + persistence inside Payara Micro, with the fake ledger: the real database (H2 file or
 * PostgreSQL), migrations, transactions, the background submitter and commit follower.
 */
public abstract class PortalScenarios {

    static final StaffMember CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");

    @Inject
    LandTitleService land;

    @Inject
    LandPublicService publicLand;

    @Inject
    RecordQueryService queries;

    @Inject
    Ledger ledger;

    @Resource(lookup = "java:app/jdbc/druk")
    DataSource dataSource;

    /** A PIN not used by earlier runs against the same database. */
    static String newPin() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static FirstRegistrationCommand registration(String pin) {
        return new FirstRegistrationCommand(pin, "TH-" + pin.substring(1, 5), "Thimphu", "Chang", new BigDecimal("0.75"),
                LandType.URBAN, List.of(new OwnerInput("Kinley Wangmo", "10708003344", "2/3"),
                        new OwnerInput("Tashi Dorji", "10708003345", "1/3")));
    }

    @Inject
    ContainerFakeLedger fakeLedger;

    /** The fake that stands in for Fabric in this deployment (the same instance the submitter uses). */
    FakeLedgerAccess fake() {
        return new FakeLedgerAccess(fakeLedger);
    }

    record FakeLedgerAccess(ContainerFakeLedger ledger) {
    }

    VersionView awaitVersion(String recordKey, int version, Predicate<VersionView> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        VersionView last = null;
        while (System.currentTimeMillis() < deadline) {
            last = queries.versions(recordKey).stream().filter(v -> v.version() == version).reduce((a, b) -> b).orElse(null);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("version " + version + " of " + recordKey + " never reached the expected state; last: " + last);
    }

    /** A record's row in the ledger outbox, as the submitter leaves it. */
    record OutboxRow(String status, int attempts, String leaseOwner) {
    }

    /**
     * Polls the outbox rows of {@code recordKey} until {@code state} holds for all of them (a state
     * to wait for, never a time): e.g. tried and turned away, or done and held by no submitter.
     */
    List<OutboxRow> awaitOutbox(String recordKey, Predicate<OutboxRow> state, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<OutboxRow> rows = List.of();
        while (System.currentTimeMillis() < deadline) {
            rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 var query = c.prepareStatement("SELECT status, attempts, lease_owner FROM ledger_outbox WHERE record_key = ?")) {
                query.setString(1, recordKey);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getString(1), rs.getInt(2), rs.getString(3)));
                    }
                }
            }
            if (!rows.isEmpty() && rows.stream().allMatch(state)) {
                return rows;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(recordKey + ": the outbox never showed " + what + "; last: " + rows);
    }

    /** Done, and no submitter holds the row: nothing more can be sent for it. */
    static boolean settled(OutboxRow row) {
        return row.status().equals("DONE") && row.leaseOwner() == null;
    }

    /**
     * Two clerks registering parcels whose boundaries overlap, the second while the first one's
     * transaction is still open: the register's boundary lock makes the second check wait for the
     * first commit, so it is refused naming the first, on this database. Without the lock it would
     * pass, blind to the first one's uncommitted parcel.
     */
    @Test
    void aClerkDrawingOverGroundAnotherIsRegisteringWaitsForItAndIsRefused() throws Exception {
        // 0.75 acres as 75 m by 40.469 m, the second 37 m east of the first: half of each covers the other.
        long east = ThreadLocalRandom.current().nextLong(200_000, 400_000);
        long north = ThreadLocalRandom.current().nextLong(3_000_000, 3_100_000);
        List<FirstRegistrationCommand> commands = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            String pin = newPin();
            String boundary = String.format(java.util.Locale.ROOT,
                    "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[%1$d,%2$d],[%3$d,%2$d],[%3$d,%4$s],[%1$d,%4$s],[%1$d,%2$d]]]}",
                    east + side * 37, north, east + side * 37 + 75, (north + 40) + ".469");
            FirstRegistrationCommand plain = registration(pin);
            // Owners of their own: two registrations naming the same person wait for each other's party row anyway.
            commands.add(new FirstRegistrationCommand(pin, plain.thramNo(), plain.dzongkhag(), plain.gewog(), plain.areaAcres(),
                    plain.landType(), List.of(new OwnerInput(side == 0 ? "Kinley Wangmo" : "Tashi Dorji",
                            String.format("1070%07d", ThreadLocalRandom.current().nextInt(10_000_000)), "1")), boundary, null));
        }
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        CountDownLatch firstSaved = new CountDownLatch(1);
        try {
            Future<Long> first = clerks.submit(() -> {
                transaction.begin();
                try {
                    land.registerFirstTitle(CLERK, commands.get(0));
                    firstSaved.countDown();
                    Thread.sleep(600); // the first clerk's transaction still open while the second one checks
                    long committedAt = System.nanoTime();
                    transaction.commit();
                    return committedAt;
                } catch (Exception e) {
                    transaction.rollback();
                    throw e;
                }
            });
            assertTrue(firstSaved.await(30, TimeUnit.SECONDS), "the first registration was saved");
            Future<String> second = clerks.submit(() -> {
                try {
                    land.registerFirstTitle(CLERK, commands.get(1));
                    return "registered";
                } catch (ValidationException refused) {
                    return refused.errors().get(0).code() + " " + refused.errors().get(0).arguments();
                }
            });
            String outcome = second.get(60, TimeUnit.SECONDS);
            long answeredAt = System.nanoTime();
            long committedAt = first.get(60, TimeUnit.SECONDS);
            assertEquals(LandTitleService.BOUNDARY_OVERLAP + " [" + commands.get(0).pin() + "]", outcome);
            assertTrue(answeredAt > committedAt, "the second clerk was answered only after the first one's commit");
            assertTrue(publicLand.publicView(commands.get(1).pin()).isEmpty(), "nothing of the refused registration was saved");
        } finally {
            clerks.shutdownNow();
        }
    }

    @Inject
    RecordStamps stamps;

    /** The verifier's one query over this database's hash columns. */
    @Inject
    HashOccurrences occurrences;

    /**
     * The public record page is served under the record's stamp, which is kept for up to a second: this
     * portal's own writes (a new version, the commit) must show in it at once, not a second later.
     */
    @Test
    void theRecordsStampFollowsThisPortalsWritesAtOnce() throws Exception {
        String pin = newPin();
        String key = LandPublicService.recordKeyOf(pin);
        assertTrue(stamps.of(key).isEmpty(), "no version yet (and that answer is now kept)");
        land.registerFirstTitle(CLERK, registration(pin));
        RecordStamps.Stamp pending = stamps.of(key).orElseThrow(() -> new AssertionError("the new version is not in the stamp"));
        assertEquals(1, pending.versions());
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            // Read right before each look at the version, so that a kept stamp is always fresh when the commit lands.
            RecordStamps.Stamp before = stamps.of(key).orElseThrow();
            boolean committed = queries.versions(key).stream().anyMatch(v -> v.ledgerState() == LedgerState.COMMITTED);
            if (committed) {
                // The stamp is dropped right after the database commit, which readers may see a moment earlier.
                long shown = System.currentTimeMillis() + 200;
                while (stamps.of(key).orElseThrow().committed() == 0 && System.currentTimeMillis() < shown) {
                    Thread.sleep(5);
                }
                assertEquals(1, stamps.of(key).orElseThrow().committed(),
                        "the commit shows in the stamp at once, not when the kept one (read " + before + ") is a second old");
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(key + " was not committed within 30 s");
    }

    @Inject
    OutboxProcessor outboxProcessor;

    /**
     * Answers kept until one of this portal's writes ends (verify by hash) must survive a block that
     * holds only other portals' records: under a write load of other portals, every block would
     * otherwise drop them all.
     */
    @Test
    void aBlockOfOtherPortalsRecordsEndsNoWriteHere() {
        // Other work of this portal may end a write at the same moment: one quiet attempt of five is enough.
        for (int attempt = 0; attempt < 5; attempt++) {
            String run = UUID.randomUUID().toString();
            String hash = CanonicalJson.sha256Hex("elsewhere " + run);
            CommittedTransaction foreign = new CommittedTransaction("tx-" + run, 0, Instant.now(), true, "VALID", List.of("LandMSP"),
                    List.of(new RecordWritten("land-title", "land-title:ELSEWHERE-" + run.substring(0, 8), 1, hash, "tx-" + run)));
            long before = stamps.endedWrites();
            assertEquals(0, outboxProcessor.applyBlock("scenario-" + run, new LedgerBlock(0, List.of(foreign))));
            if (stamps.endedWrites() == before) {
                return;
            }
        }
        throw new AssertionError("every block of another portal's record ended a write of this portal");
    }

    @Inject
    SignInStrikes signInStrikes;

    @Inject
    StaffAccountService staffAccounts;

    @Inject
    StaffActivity staffActivity;

    /**
     * The throttle's counts live in the database: a second throttle over the same table (another
     * portal) sees and adds to them. Failed and throttled sign-ins and every write are in the staff log.
     */
    @Test
    void signInFailuresAreSharedThroughTheDatabaseAndStaffActionsAreLogged() throws Exception {
        String guesser = "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 6);
        String desk = "10.9.9." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 6);
        SignInThrottle otherPortal = new SignInThrottle(Clock.systemUTC(), signInStrikes);
        for (int i = 0; i < 4; i++) {
            assertTrue(staffAccounts.authenticate("land.clerk", "not-the-password".toCharArray(), guesser).isEmpty());
        }
        assertTrue(otherPortal.lockedFor("land.clerk", guesser).isEmpty(), "four failures are not yet a lock");
        otherPortal.failed("land.clerk", guesser);
        assertTrue(staffAccounts.signInLockedFor("land.clerk", guesser).isPresent(), "the other portal's failure counted here");
        assertTrue(staffAccounts.signInLockedFor("land.clerk", desk).isEmpty(), "the clerk's own desk is not locked");
        assertTrue(staffAccounts.authenticate("land.clerk", "whatever".toCharArray(), guesser).isEmpty());

        String key = land.registerFirstTitle(CLERK, registration(newPin())).recordKey();

        StaffMember inspector = new StaffMember("inspector", Role.INSPECTOR, null, null);
        List<StaffEvent> failed = staffActivity.page(inspector, new StaffEventLog.Filter(StaffEvent.Kind.SIGN_IN_FAILED,
                "land.clerk", null, null), 0, 50).events().stream().filter(e -> guesser.equals(e.client())).toList();
        assertEquals(4, failed.size(), "each failure is logged with the address it came from");
        assertEquals(1, staffActivity.page(inspector, new StaffEventLog.Filter(StaffEvent.Kind.SIGN_IN_THROTTLED,
                "land.clerk", null, null), 0, 50).events().stream().filter(e -> guesser.equals(e.client())).count());
        assertTrue(staffActivity.page(inspector, new StaffEventLog.Filter(StaffEvent.Kind.WRITE, "land.clerk", null, null), 0, 50)
                .events().stream().anyMatch(e -> (key + " v1").equals(e.subject())), "the registration is logged");
        assertThrows(bt.druk.registry.domain.shared.AccessDeniedException.class,
                () -> staffActivity.page(CLERK, StaffEventLog.Filter.ALL, 0, 10), "clerks cannot read the log");
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sign_in_strike WHERE subject LIKE '%land.clerk%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "user names are kept only as hashes");
        }
    }

    @Test
    void migrationsCreatedTheSchema() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from \"schema_history\" where \"success\" = true")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 4, "V1, V2, V3 and V200 applied");
        }
    }

    @Test
    void registrationIsSavedPendingThenCommittedByTheBackgroundSubmitter() throws Exception {
        String pin = newPin();
        SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
        assertEquals(1, ack.version());
        // Committed as the submitter hears it, then the receipt completed from the block by the commit follower.
        VersionView committed = awaitVersion(ack.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED
                && v.receipt() != null && v.receipt().commitTime() != null);
        assertEquals(List.of("AuditMSP", "LandMSP"), committed.receipt().endorsingMspIds());
        assertNotNull(committed.receipt().commitTime());

        PublicTitleView view = publicLand.publicView(pin).orElseThrow();
        assertEquals("Ki**** Wa****", view.owners().get(0).maskedName());
        assertEquals("2/3", view.owners().get(0).share());
        assertFalse(view.toString().contains("10708003344"));
        assertEquals(1, publicLand.search(ParcelSearch.byPin(pin)).size());
        assertEquals(LedgerVerification.Outcome.VERIFIED, publicLand.verifyOnLedger(pin).outcome());
        assertEquals(Set.of(Place.LEDGER_HASH), occurrences.of(committed.hash()));
        assertEquals(Set.of(), occurrences.of(CanonicalJson.sha256Hex("never registered " + pin)));

        // Owners' personal data lives in record_party; the hashed document holds only their commitments.
        LandTitleStaffView staff = land.findForStaff(CLERK, pin).orElseThrow();
        assertEquals("10708003344", staff.title().owners().get(0).cid());
        assertEquals("Tashi Dorji", staff.title().owners().get(1).name());
        assertFalse(staff.canonicalJson().contains("10708003344") || staff.canonicalJson().contains("Kinley"));
        try (Connection c = dataSource.getConnection();
             var query = c.prepareStatement("select cid from record_party where commitment = ?")) {
            query.setString(1, staff.title().owners().get(0).party().commitment());
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "party row stored");
                assertEquals("10708003344", rs.getString(1));
            }
        }
    }

    @Test
    void domainRulesAndConcurrencyAreEnforcedBeforeSaving() throws Exception {
        String pin = newPin();
        land.registerFirstTitle(CLERK, registration(pin));
        land.registerMortgage(CLERK, new RegisterMortgageCommand(pin, 1, "BOB-77", "Bank of Bhutan"));
        ValidationException refused = assertThrows(ValidationException.class, () -> land.lodgeTransfer(CLERK,
                new LodgeTransferCommand(pin, 2, TransferType.SALE, List.of(new OwnerInput("Pema", "11111111111", "1")))));
        assertEquals("title.encumbered", refused.errors().get(0).code());
        assertThrows(ConcurrentUpdateException.class,
                () -> land.registerMortgage(CLERK, new RegisterMortgageCommand(pin, 1, "BOB-78", "Bank of Bhutan")));
        assertEquals(2, queries.versions("land-title:" + pin).size(), "refused operations saved nothing");
        assertEquals(TitleStatus.ENCUMBERED, publicLand.publicView(pin).orElseThrow().status());
        ValidationException duplicate = assertThrows(ValidationException.class, () -> land.registerFirstTitle(CLERK, registration(pin)));
        assertEquals("pin", duplicate.errors().get(0).field());
    }

    @Test
    void chaincodeRefusalIsStoredWithItsReasonAndTheTitleFallsBack() throws Exception {
        String pin = newPin();
        SubmissionAck v1 = land.registerFirstTitle(CLERK, registration(pin));
        awaitVersion(v1.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        fake().ledger().refuseNext("ENCUMBERED", "land-title " + pin + " has an open caveat on the ledger");
        land.registerMortgage(CLERK, new RegisterMortgageCommand(pin, 1, "M-1", "BDBL"));
        VersionView rejected = awaitVersion(v1.recordKey(), 2, v -> v.ledgerState() == LedgerState.REJECTED);
        assertEquals("ENCUMBERED", rejected.rejectionCode());
        assertTrue(rejected.rejectionReason().contains("open caveat"));
        assertEquals(1, publicLand.publicView(pin).orElseThrow().currentVersion());
        assertEquals(TitleStatus.REGISTERED, publicLand.search(ParcelSearch.byPin(pin)).get(0).status());
    }

    @Test
    void ledgerOutageKeepsTheVersionPendingUntilItReturns() throws Exception {
        String pin = newPin();
        ContainerFakeLedger fake = fake().ledger();
        int before = fake.commits();
        fake.setDown(true);
        try {
            SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
            awaitOutbox(ack.recordKey(), row -> row.status().equals("DUE") && row.attempts() >= 1, "an attempt turned away");
            assertEquals(LedgerState.PENDING, queries.versions(ack.recordKey()).get(0).ledgerState());
            fake.setDown(false);
            awaitVersion(ack.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
            awaitOutbox(ack.recordKey(), PortalScenarios::settled, "done and held by no submitter");
            assertEquals(before + 1, fake.commits(), "committed exactly once");
        } finally {
            fake.setDown(false);
        }
    }

    @Inject
    RecordRepository records;

    @Inject
    UserTransaction transaction;

    /**
     * Two portals on one database claim outbox rows at the same moment (FOR UPDATE SKIP LOCKED): no
     * row is claimed by both, none is missed, and neither waits for the other's locks. The rows are
     * moved to a due time in 2100 that only the two claimers use, out of this portal's own
     * submitter's reach.
     */
    @Test
    void twoPortalsClaimingOneOutboxNeverClaimTheSameRow() throws Exception {
        ContainerFakeLedger fake = fake().ledger();
        List<String> keys = new ArrayList<>();
        fake.setDown(true);
        try {
            for (int i = 0; i < 24; i++) {
                keys.add(land.registerFirstTitle(CLERK, registration(newPin())).recordKey());
            }
            String inKeys = "record_key IN (" + String.join(",", keys.stream().map(k -> "'" + k + "'").toList()) + ")";
            LocalDateTime future = LocalDateTime.of(2100, 1, 1, 0, 0);
            Set<Long> moved = new HashSet<>();
            // This portal's own submitter holds some rows for a moment (it tries, finds the ledger down and
            // lets go): move the others now and those as they are let go; once moved they are not due for it.
            long until = System.nanoTime() + 20_000_000_000L;
            while (moved.size() < keys.size() && System.nanoTime() < until) {
                try (Connection c = dataSource.getConnection()) {
                    try (var move = c.prepareStatement("UPDATE ledger_outbox SET next_attempt_at = ? WHERE lease_owner IS NULL AND " + inKeys)) {
                        move.setObject(1, future);
                        move.executeUpdate();
                    }
                    moved.clear();
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM ledger_outbox WHERE status = 'DUE' AND "
                            + "next_attempt_at = TIMESTAMP '2100-01-01 00:00:00' AND " + inKeys)) {
                        while (rs.next()) {
                            moved.add(rs.getLong(1));
                        }
                    }
                }
                if (moved.size() < keys.size()) {
                    Thread.sleep(200);
                }
            }
            assertTrue(moved.size() >= 12, "most rows moved out of the portal's reach: " + moved.size());

            Instant then = Instant.parse("2100-01-02T00:00:00Z");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService portals = Executors.newFixedThreadPool(2);
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (String owner : List.of("portal-x", "portal-y")) {
                claims.add(portals.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        transaction.begin();
                        List<Long> ids = records.claimOutbox(then, 3, owner, then.plusSeconds(600)).stream().map(e -> e.id()).toList();
                        Thread.sleep(30); // hold the row locks a while, so the other claimer meets them
                        transaction.commit();
                        if (ids.isEmpty()) {
                            return mine;
                        }
                        mine.addAll(ids);
                    }
                }));
            }
            start.countDown();
            List<Long> x = claims.get(0).get(60, TimeUnit.SECONDS);
            List<Long> y = claims.get(1).get(60, TimeUnit.SECONDS);
            portals.shutdown();
            Set<Long> both = new HashSet<>(x);
            both.retainAll(y);
            assertTrue(both.isEmpty(), "claimed by both portals: " + both);
            assertEquals(x.size(), new HashSet<>(x).size());
            Set<Long> all = new HashSet<>(x);
            all.addAll(y);
            // Any row due by 2100 may be claimed too (one the portal's submitter held during the move,
            // other scenarios' rows waiting out a back-off); every moved row must be among them.
            assertTrue(all.containsAll(moved), "every moved row claimed: " + moved + " vs " + all);
            try (Connection c = dataSource.getConnection()) {
                // Only PostgreSQL (the database portals share) skips locked rows before applying the
                // row limit; H2, one portal's embedded database, may answer a claimer nothing meanwhile.
                if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                    assertFalse(x.isEmpty() || y.isEmpty(), "both portals got work: " + x.size() + " / " + y.size());
                }
            }
        } finally {
            handLeasesBack("portal-x", "portal-y");
            fake.setDown(false);
        }
        for (String key : keys) {
            awaitVersion(key, 1, v -> v.ledgerState() == LedgerState.COMMITTED);
            assertEquals(1, fake.history(key).size(), key + " written to the ledger once");
        }
    }

    /**
     * A portal whose lease ran out (it stalled, or its clock is behind) and that now lets its entry go
     * after a failed attempt must not undo the claim of the portal that took the entry over: the
     * take-over either waits for the late write or skips the row, and a row it claimed stays its own.
     */
    @Test
    void aLateRetryNeverUndoesAnotherPortalsClaim() throws Exception {
        ContainerFakeLedger fake = fake().ledger();
        fake.setDown(true);
        String key;
        long id;
        try {
            key = land.registerFirstTitle(CLERK, registration(newPin())).recordKey();
            id = records.openOutboxOf(key).get(0).id();
            // Leased to "portal-a" until a time that the second claimer's clock has passed.
            leaseTo(id, "portal-a");

            CountDownLatch retryRead = new CountDownLatch(1);
            CountDownLatch claimed = new CountDownLatch(1);
            ExecutorService portals = Executors.newFixedThreadPool(2);
            Future<?> late = portals.submit(() -> {
                transaction.begin();
                outboxProcessor.recordRetry(id, "ledger unreachable", "portal-a");
                retryRead.countDown();
                // A database that makes the claimer wait for this lock (rather than skip the row) gets it after the commit.
                claimed.await(10, TimeUnit.SECONDS);
                transaction.commit();
                return null;
            });
            assertTrue(retryRead.await(30, TimeUnit.SECONDS), "the late retry read its entry");
            Instant later = Instant.parse("2100-01-02T00:00:00Z");
            Future<List<Long>> takeOver = portals.submit(() -> {
                transaction.begin();
                List<Long> ids = records.claimOutbox(later, 100, "portal-x", later.plusSeconds(600)).stream().map(e -> e.id()).toList();
                transaction.commit();
                claimed.countDown();
                return ids;
            });
            List<Long> xClaimed = takeOver.get(60, TimeUnit.SECONDS);
            late.get(60, TimeUnit.SECONDS);
            portals.shutdown();
            try (Connection c = dataSource.getConnection();
                 var owner = c.prepareStatement("SELECT lease_owner FROM ledger_outbox WHERE id = ?")) {
                owner.setLong(1, id);
                try (ResultSet rs = owner.executeQuery()) {
                    assertTrue(rs.next());
                    if (xClaimed.contains(id)) {
                        assertEquals("portal-x", rs.getString(1), "portal-x claimed the entry, and the late retry took it back");
                    } else {
                        assertNotEquals("portal-a", rs.getString(1), "portal-a let the entry go");
                    }
                }
            }
        } finally {
            handLeasesBack("portal-a", "portal-x");
            fake.setDown(false);
        }
        awaitVersion(key, 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        assertEquals(1, fake.history(key).size(), key + " written to the ledger once");
    }

    /**
     * Leases the entry to a pretended portal once this portal's own submitter lets it go, until
     * 2100-01-01 00:10 and due from 2100-01-01, out of the submitter's reach.
     */
    private void leaseTo(long id, String owner) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        int moved = 0;
        while (moved == 0 && System.nanoTime() < until) {
            try (Connection c = dataSource.getConnection();
                 var lease = c.prepareStatement("UPDATE ledger_outbox SET next_attempt_at = ?, lease_owner = ?, lease_until = ?"
                         + " WHERE id = ? AND lease_owner IS NULL AND status = 'DUE'")) {
                lease.setObject(1, LocalDateTime.of(2100, 1, 1, 0, 0));
                lease.setString(2, owner);
                lease.setObject(3, LocalDateTime.of(2100, 1, 1, 0, 10));
                lease.setLong(4, id);
                moved = lease.executeUpdate();
            }
            if (moved == 0) {
                Thread.sleep(200);
            }
        }
        assertEquals(1, moved, "entry " + id + " leased to " + owner);
    }

    /**
     * The commit follower locks a block's versions in id order, as the submitter recording commits
     * does: while the submitter holds the lower id, the follower holds nothing the submitter needs
     * next, so neither is chosen as a deadlock victim. The two records' keys sort opposite to their
     * ids, the order H2 scanned (and locked) them in when one query locked them all.
     */
    @Test
    void theCommitFollowerAndTheSubmitterLockVersionsInOneOrder() throws Exception {
        ContainerFakeLedger fake = fake().ledger();
        fake.setDown(true);
        String suffix = UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        String sortsLast;
        String sortsFirst;
        try {
            sortsLast = land.registerFirstTitle(CLERK, registration("TZ" + suffix)).recordKey();
            sortsFirst = land.registerFirstTitle(CLERK, registration("TA" + suffix)).recordKey();
            long lower = records.findLiveVersion(sortsLast, 1).orElseThrow().id();
            long higher = records.findLiveVersion(sortsFirst, 1).orElseThrow().id();
            assertTrue(lower < higher, "stored first, lower id");

            ExecutorService writers = Executors.newFixedThreadPool(2);
            CountDownLatch lowerLocked = new CountDownLatch(1);
            CountDownLatch followerWaiting = new CountDownLatch(1);
            Future<?> submitter = writers.submit(() -> inTransaction(() -> {
                records.lockVersion(lower).orElseThrow();
                lowerLocked.countDown();
                assertTrue(followerWaiting.await(30, TimeUnit.SECONDS));
                return records.lockVersion(higher).orElseThrow();
            }));
            assertTrue(lowerLocked.await(30, TimeUnit.SECONDS), "the submitter holds the lower id");
            Future<List<Long>> follower = writers.submit(() -> inTransaction(() ->
                    records.lockLiveVersions(List.of(sortsLast, sortsFirst), List.of(1)).stream().map(RecordVersion::id).toList()));
            awaitARowLockWait();
            followerWaiting.countDown();
            submitter.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(lower, higher), follower.get(60, TimeUnit.SECONDS));
            writers.shutdown();
        } finally {
            fake.setDown(false);
        }
        awaitVersion(sortsLast, 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        awaitVersion(sortsFirst, 1, v -> v.ledgerState() == LedgerState.COMMITTED);
    }

    /** Runs {@code work} in a transaction of its own, committed if it returns and rolled back if it throws. */
    private <T> T inTransaction(java.util.concurrent.Callable<T> work) throws Exception {
        transaction.begin();
        T result;
        try {
            result = work.call();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
        return result;
    }

    /** Until some session of this database waits for a row lock another holds (H2 or PostgreSQL). */
    private void awaitARowLockWait() throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            try (Connection c = dataSource.getConnection()) {
                String waiting = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
                try (ResultSet rs = c.createStatement().executeQuery(waiting)) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session came to wait for a row lock within 30 s");
    }

    /** A portal whose claim seemed to fail releases the leases it does not hold, and only those. */
    @Test
    void releasingLeasesSparesTheEntriesKept() throws Exception {
        ContainerFakeLedger fake = fake().ledger();
        fake.setDown(true);
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                keys.add(land.registerFirstTitle(CLERK, registration(newPin())).recordKey());
            }
            long kept = records.openOutboxOf(keys.get(0)).get(0).id();
            long stray = records.openOutboxOf(keys.get(1)).get(0).id();
            leaseTo(kept, "portal-r");
            leaseTo(stray, "portal-r");
            transaction.begin();
            int released = records.releaseLeases("portal-r", Set.of(kept));
            transaction.commit();
            assertEquals(1, released);
            assertEquals("portal-r", records.findOutbox(kept).orElseThrow().leaseOwner());
            assertNull(records.findOutbox(stray).orElseThrow().leaseOwner());
        } finally {
            handLeasesBack("portal-r");
            fake.setDown(false);
        }
        for (String key : keys) {
            awaitVersion(key, 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        }
    }

    /**
     * Ends the leases these pretended portals still hold and makes their rows, and any row
     * {@link #leaseTo} parked that has been released since, due now for this portal's own submitter.
     */
    private void handLeasesBack(String... owners) throws Exception {
        String in = String.join(", ", Collections.nCopies(owners.length, "?"));
        try (Connection c = dataSource.getConnection();
             var back = c.prepareStatement("UPDATE ledger_outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                     + " WHERE status = 'DUE' AND (lease_owner IN (" + in + ") OR next_attempt_at >= ?)")) {
            back.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            for (int i = 0; i < owners.length; i++) {
                back.setString(i + 2, owners[i]);
            }
            back.setObject(owners.length + 2, LocalDateTime.of(2100, 1, 1, 0, 0));
            back.executeUpdate();
        }
    }

    @Inject
    BatchAnchorService batches;

    @Inject
    BatchMembers batchMembers;

    @Inject
    BatchPolicy batchPolicy;

    static final StaffMember NOTARY_CLERK = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");

    List<BatchMember> awaitAnchored(List<String> documents) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<BatchMember> states = List.of();
        while (System.currentTimeMillis() < deadline) {
            states = documents.stream().map(d -> batchMembers.find(d).orElseThrow()).toList();
            if (states.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORED)) {
                return states;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not all anchored: " + states.stream().map(BatchMember::state).distinct().toList());
    }

    /**
     * The batch queue on this database: a full batch is cut at once and the rest after the wait,
     * each in one transaction with its anchor; a batch cut while the ledger is down is anchored
     * once when it is back; every proof leads to the root the ledger holds.
     */
    @Test
    void queuedDocumentsAreAnchoredInBatchesOnceEvenAcrossALedgerOutage() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> documents = java.util.stream.IntStream.range(0, batchPolicy.maxDocuments() + 7)
                .mapToObj(i -> CanonicalJson.sha256Hex(run + " filing " + i)).toList();
        ContainerFakeLedger fake = fake().ledger();
        int before = fake.commits();
        fake.setDown(true);
        try {
            batches.enqueue(NOTARY_CLERK, documents);
            // the full batch is cut at once, the rest after the batch's wait; both wait for the ledger
            long deadline = System.currentTimeMillis() + 30_000;
            List<BatchMember> waiting = List.of();
            while (System.currentTimeMillis() < deadline) {
                waiting = documents.stream().map(d -> batchMembers.find(d).orElseThrow()).toList();
                if (waiting.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORING)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(waiting.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORING),
                    "cut into batches that wait for the ledger: " + waiting.stream().map(BatchMember::state).distinct().toList());
            assertEquals(before, fake.commits(), "nothing reached the ledger while it was down");
        } finally {
            fake.setDown(false);
        }
        List<BatchMember> anchored = awaitAnchored(documents);
        List<String> anchors = anchored.stream().map(BatchMember::anchorKey).distinct().toList();
        assertEquals(2, anchors.size(), "a full batch and the rest");
        assertEquals(batchPolicy.maxDocuments(), anchored.stream().filter(m -> m.anchorKey().equals(anchors.get(0))).count());
        for (String anchor : anchors) {
            awaitOutbox(anchor, PortalScenarios::settled, "the anchor done and held by no submitter");
        }
        assertEquals(before + 2, fake.commits(), "each anchor written once");
        for (BatchMember m : anchored) {
            assertTrue(m.proof().orElseThrow().verifyAgainst(fake.readRecord(m.anchorKey()).orElseThrow().hash()).ok());
        }
        try (Connection c = dataSource.getConnection();
             var query = c.prepareStatement("select count(*), count(distinct anchor_key) from notary_batch_item where document_hash in ('"
                     + documents.get(0) + "','" + documents.get(documents.size() - 1) + "')")) {
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertEquals(2, rs.getInt(2));
            }
        }
        assertEquals(Set.of(Place.BATCH_DOCUMENT), occurrences.of(documents.get(0)));
        assertEquals(List.of(BatchMember.State.ANCHORED), batches.enqueue(NOTARY_CLERK, documents.subList(0, 1)).stream()
                .map(BatchMember::state).toList(), "queued again: nothing new");
    }

    @Inject
    TenderService tenders;

    @Inject
    SealedBids sealedBids;

    @Inject
    ProcurementQueries procurement;

    static final StaffMember PROCUREMENT_CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);

    /** Three holders (procurement clerk, inspector, notary clerk), 2 of 3, with fresh key pairs added to {@code keys}. */
    static TenderOpening openingOfThreeHolders(List<java.security.KeyPair> keys) {
        List<TenderOpening.Holder> holders = new ArrayList<>();
        for (StaffMember member : List.of(PROCUREMENT_CLERK, INSPECTOR, NOTARY_CLERK)) {
            java.security.KeyPair pair = P256.generate(new java.security.SecureRandom());
            keys.add(pair);
            holders.add(new TenderOpening.Holder(holders.size() + 1, OpeningKeys.mspOf(member), member.publicRole(),
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()),
                    EnvelopeSealer.publicKeySha256((java.security.interfaces.ECPublicKey) pair.getPublic())));
        }
        return TenderOpening.of(2, holders);
    }

    @Test
    void aSealedBidIsLodgedThenOpenedAndTheTenderIsFoundByItsNumber() throws Exception {
        List<java.security.KeyPair> keys = new ArrayList<>();
        TenderOpening opening = openingOfThreeHolders(keys);
        Instant deadline = Instant.now().plusSeconds(4);
        SubmissionAck published = tenders.publish(PROCUREMENT_CLERK, "MOH", new Tender.Terms("Oxygen concentrators for JDWNRH",
                "Supply and installation", ProcurementMethod.OPEN, MainCategory.GOODS, new BigDecimal("4800000.00"), null, deadline,
                List.of(new TenderItem("Oxygen concentrator, 10 l/min", new BigDecimal("24"), "unit")), List.of()), opening, Duration.ZERO);
        awaitVersion(published.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        String ocid = published.recordKey().substring("tender:".length());
        String bid = new SealedBidContent(ocid, "CDB-3004567", "4650000.00", SealedBidContent.BTN, List.of()).toCanonicalJson();
        String envelope = EnvelopeSealer.seal(ocid, bid, List.of(), keys.stream().map(k -> k.getPublic().getEncoded()).toList(), 2)
                .toCanonicalJson();
        SubmissionAck lodged = sealedBids.lodge("CDB-3004567", "Menjong Medical Supplies", ocid, envelope);
        awaitVersion(lodged.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);

        String number = procurement.tender(ocid).orElseThrow().tender().tenderNumber();
        assertEquals(List.of(ocid), procurement.search(number, List.of(TenderStatus.ACTIVE_TENDERING), "MOH").stream()
                .map(TenderSummary::ocid).toList(), "found by its number among open tenders of its agency");
        assertTrue(procurement.search(number, List.of(TenderStatus.CANCELLED), null).isEmpty());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 500);
        for (int index : List.of(2, 3)) {
            java.security.KeyPair pair = keys.get(index - 1);
            java.util.Map<String, String> shares = new java.util.TreeMap<>();
            sealedBids.envelopesToOpen(ocid).forEach((key, text) -> shares.put(key, java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ShareCipher.decrypt(SealedEnvelope.parse(text), index, pair.getPrivate(),
                            (java.security.interfaces.ECPublicKey) pair.getPublic()).toBytes())));
            sealedBids.postSharesOfKey(List.of(PROCUREMENT_CLERK, INSPECTOR, NOTARY_CLERK).get(index - 1), ocid, opening.holder(index).publicKeySha256(), shares);
        }
        assertEquals(1, sealedBids.openAll(PROCUREMENT_CLERK, ocid).opened().size());
        awaitVersion(lodged.recordKey(), 2, v -> v.ledgerState() == LedgerState.COMMITTED);
        BidView opened = procurement.bid(lodged.recordKey()).orElseThrow();
        assertEquals(new BigDecimal("4650000.00"), opened.amount());
        assertEquals("Menjong Medical Supplies", opened.bidderName());
        try (Connection c = dataSource.getConnection();
             var query = c.prepareStatement("select amount, opened_valid, status from bid_summary where record_key = ?")) {
            query.setString(1, lodged.recordKey());
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(0, new BigDecimal("4650000.00").compareTo(rs.getBigDecimal(1)));
                assertTrue(rs.getBoolean(2));
                assertEquals("opened", rs.getString(3));
            }
        }
    }

    @Inject
    OcdsExport ocds;

    @Inject
    ReleaseTimeline releaseTimeline;

    /** The bulk package's native queries (a UNION ALL of two keyset scans) on this database, through EclipseLink. */
    @Test
    void theBulkOcdsPackageIsReadPageByPageFromThisDatabase() throws Exception {
        OcdsLinks links = new OcdsLinks("https://registry.example.bt");
        String tagBefore = ocds.bulkTag(links);
        SubmissionAck published = tenders.publish(PROCUREMENT_CLERK, "MOH", new Tender.Terms("School desks for Drukgyel HSS",
                "Supply of 300 desks", ProcurementMethod.OPEN, MainCategory.GOODS, new BigDecimal("1500000.00"), null,
                Instant.now().plus(Duration.ofDays(9)), List.of(new TenderItem("Desk, two seats", new BigDecimal("300"), "unit")),
                List.of()), openingOfThreeHolders(new ArrayList<>()), Duration.ZERO);
        String ocid = published.recordKey().substring("tender:".length());
        awaitVersion(published.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);

        long until = System.currentTimeMillis() + 30_000;
        List<ReleaseTimeline.Entry> newest = releaseTimeline.before(null, 1000);
        while (newest.stream().noneMatch(e -> e.recordKey().equals(published.recordKey())) && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            newest = releaseTimeline.before(null, 1000);
        }
        assertTrue(newest.stream().anyMatch(e -> e.recordKey().equals(published.recordKey())), "the committed tender is on the timeline");
        List<ReleaseTimeline.Entry> oldest = releaseTimeline.after(null, 1000);
        assertEquals(newest.size(), oldest.size(), "both directions read the same versions");
        assertNotEquals(tagBefore, ocds.bulkTag(links), "a new tender changes the bulk package's tag");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ocds.bulkReleasePackage(links).orElseThrow().writeTo(body);
        JsonObject bulk = JsonProviders.JSON.createReader(new StringReader(body.toString(StandardCharsets.UTF_8))).readObject();
        assertTrue(bulk.getJsonArray("releases").getValuesAs(JsonObject.class).stream()
                .anyMatch(release -> release.getString("ocid").equals(ocid)), "the bulk package holds the new tender's release");
    }

    @Inject
    TamperReportJobs tamperJobs;

    @Inject
    TamperReport tamperReport;

    @Inject
    TamperWarnings tamperWarnings;

    @Inject
    AuditQueries audit;

    /**
     * A stored document edited directly in SQL is flagged by the tamper report run on the managed
     * executor; the run and its findings are kept in the database (JPA), the public warning reads
     * them, and the audit trail's filters run as queries of this database.
     */
    @Test
    void tamperReportFlagsARowEditedInSqlAndKeepsItsFindings() throws Exception {
        StaffMember inspector = new StaffMember("inspector", Role.INSPECTOR, null, null);
        Instant before = Instant.now().minusSeconds(1);
        String edited = newPin();
        String clean = newPin();
        SubmissionAck a = land.registerFirstTitle(CLERK, registration(edited));
        SubmissionAck b = land.registerFirstTitle(CLERK, registration(clean));
        awaitVersion(a.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        awaitVersion(b.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        try (Connection c = dataSource.getConnection();
             var read = c.prepareStatement("select canonical_json from record_version where record_key = ? and version = 1")) {
            read.setString(1, a.recordKey());
            String json;
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                json = rs.getString(1);
            }
            try (var update = c.prepareStatement("update record_version set canonical_json = ? where record_key = ? and version = 1")) {
                update.setString(1, json.replaceFirst("\"areaAcres\":\"[^\"]*\"", "\"areaAcres\":\"750\""));
                update.setString(2, a.recordKey());
                assertEquals(1, update.executeUpdate());
            }
        }

        TamperReportJobs.Start start = tamperJobs.start(inspector);
        long deadline = System.currentTimeMillis() + 60_000;
        while (tamperJobs.isRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        ReconciliationRun run = tamperReport.run(start.runId()).orElseThrow();
        assertEquals(ReconciliationRun.State.FINISHED, run.state(), () -> String.valueOf(run.error()));
        assertEquals(run.id(), tamperReport.latestFinished().orElseThrow().id());
        List<ReconciliationFinding> findings = tamperReport.findings(run.id());
        assertEquals(List.of(TamperKind.DOCUMENT_EDITED), findings.stream().filter(f -> f.recordKey().equals(a.recordKey()))
                .map(ReconciliationFinding::kind).toList());
        assertTrue(findings.stream().noneMatch(f -> f.recordKey().equals(b.recordKey())), findings::toString);
        assertEquals(List.of(1), tamperWarnings.of(a.recordKey()).orElseThrow().versions());
        assertTrue(tamperWarnings.of(b.recordKey()).isEmpty());

        AuditFilter mine = new AuditFilter("land", "THIMPHU", "land.clerk", before, Instant.now().plusSeconds(1));
        List<String> keys = audit.page(inspector, mine, 0, AuditQueries.MAX_PAGE).entries().stream()
                .map(AuditEntry::recordKey).toList();
        assertTrue(keys.contains(a.recordKey()) && keys.contains(b.recordKey()), keys::toString);
        assertTrue(keys.indexOf(b.recordKey()) < keys.indexOf(a.recordKey()), "newest first");
        assertEquals(0, audit.count(inspector, new AuditFilter(null, null, null, before, before)));
        assertEquals(0, audit.count(inspector, new AuditFilter("notary", "THIMPHU", "land.clerk", before, null)));
    }
}
