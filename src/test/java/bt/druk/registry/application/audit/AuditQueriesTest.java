package bt.druk.registry.application.audit;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit trail from the receipts: who did what when, filtered, paged, for inspectors only. */
class AuditQueriesTest {

    private final PortalHarness h = new PortalHarness();
    private final AuditQueries queries = new AuditQueries(new InMemoryAuditTrail(h.records), new Staff());
    private static final StaffMember PARO_CLERK = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");

    /** Two demo accounts, as the seeder makes them. */
    static final class Staff implements StaffAccountRepository {
        private final List<StaffAccount> accounts = List.of(
                new StaffAccount("land.clerk", "Land clerk (Thimphu)", Role.CLERK, Register.LAND, "THIMPHU", "x", true, Instant.EPOCH, null),
                new StaffAccount("land.clerk2", "Land clerk (Paro)", Role.CLERK, Register.LAND, "PARO", "x", true, Instant.EPOCH, null));

        @Override
        public Optional<StaffAccount> findByUsername(String username) {
            return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
        }

        @Override
        public void save(StaffAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordSignIn(String username, Instant when) {
        }

        @Override
        public long count() {
            return accounts.size();
        }

        @Override
        public List<StaffAccount> all() {
            return accounts;
        }
    }

    /**
     * A parcel of one acre in a dzongkhag of the clerk's office (the Paro office's is Paro, the Thimphu
     * office's Thimphu): the paging test registers 23 to one owner, within the Land Act 2007's 25 acres per family.
     */
    private void register(StaffMember clerk, String pin) {
        boolean paro = "PARO".equals(clerk.office());
        h.land.registerFirstTitle(clerk, new FirstRegistrationCommand(pin, "T-" + pin, paro ? "Paro" : "Thimphu", paro ? "Lamgong" : "Kawang",
                new BigDecimal("1"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101000123", "1"))));
    }

    @Test
    void receiptsSayWhoDidWhatWhenNewestFirstWithTheLedgersAnswer() {
        register(CLERK, "AU-1");
        h.clock.advance(Duration.ofMinutes(5));
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("AU-1", 1, "CAV-1", "Court order"));
        while (h.submitter.submitDue() > 0) {
            // commit both
        }

        AuditQueries.Page page = queries.page(TamperReportTest.INSPECTOR, AuditFilter.ALL, 0, 10);

        assertEquals(2, page.total());
        AuditEntry newest = page.entries().get(0);
        assertEquals("land-title:AU-1", newest.recordKey());
        assertEquals(2, newest.version());
        assertEquals("land.clerk", newest.submittedBy());
        assertEquals("Land clerk (Thimphu)", newest.submitterName());
        assertEquals("THIMPHU", newest.office());
        assertEquals(h.clock.instant(), newest.submittedAt());
        assertEquals(LedgerState.COMMITTED, newest.ledgerState());
        assertNotNull(newest.txId());
        assertEquals(1, page.entries().get(1).version());
        assertEquals(h.records.versionsOf("land-title:AU-1").get(1).operation(), newest.operation());
    }

    @Test
    void filtersByRegisterOfficeUserAndDates() {
        register(CLERK, "AU-2");
        Instant early = h.clock.instant();
        h.clock.advance(Duration.ofDays(2));
        register(PARO_CLERK, "AU-3");
        Instant late = h.clock.instant();

        assertEquals(2, queries.count(TamperReportTest.INSPECTOR, new AuditFilter("land", null, null, null, null)));
        assertEquals(0, queries.count(TamperReportTest.INSPECTOR, new AuditFilter("notary", null, null, null, null)));
        assertEquals(List.of("land-title:AU-3"), keys(new AuditFilter(null, "PARO", null, null, null)));
        assertEquals(List.of("land-title:AU-2"), keys(new AuditFilter(null, null, "land.clerk", null, null)));
        assertEquals(List.of("land-title:AU-2"), keys(new AuditFilter(null, null, null, early, early.plusSeconds(1))));
        assertEquals(List.of("land-title:AU-3"), keys(new AuditFilter(null, null, null, late, null)));
        assertEquals(List.of("PARO", "THIMPHU"), queries.offices(TamperReportTest.INSPECTOR));
        assertEquals(List.of("land.clerk", "land.clerk2"), queries.submitters(TamperReportTest.INSPECTOR));
    }

    @Test
    void pagesAndDownloadsReadEveryRowOnce() {
        int rows = 2 * 10 + 3;
        for (int i = 0; i < rows; i++) {
            register(CLERK, "AU-P" + i);
            h.clock.advance(Duration.ofSeconds(1));
        }
        AuditQueries.Page second = queries.page(TamperReportTest.INSPECTOR, AuditFilter.ALL, 5, 5);
        assertEquals(5, second.entries().size());
        assertEquals(rows, second.total());
        assertEquals("land-title:AU-P" + (rows - 6), second.entries().get(0).recordKey());

        List<String> all = new ArrayList<>();
        new AuditQueries(new InMemoryAuditTrail(h.records), new Staff(), 10)
                .forEach(TamperReportTest.INSPECTOR, AuditFilter.ALL, e -> all.add(e.recordKey()));
        assertEquals(rows, all.size());
        assertEquals(all.size(), all.stream().distinct().count());
        assertNull(queries.page(TamperReportTest.INSPECTOR, AuditFilter.ALL, 0, 1).entries().get(0).txId(), "not committed yet");
    }

    @Test
    void clerksMayNotReadTheTrail() {
        assertThrows(AccessDeniedException.class, () -> queries.page(CLERK, AuditFilter.ALL, 0, 10));
        assertThrows(AccessDeniedException.class, () -> queries.forEach(CLERK, AuditFilter.ALL, e -> { }));
    }

    private List<String> keys(AuditFilter filter) {
        return queries.page(TamperReportTest.INSPECTOR, filter, 0, 50).entries().stream().map(AuditEntry::recordKey).toList();
    }
}
