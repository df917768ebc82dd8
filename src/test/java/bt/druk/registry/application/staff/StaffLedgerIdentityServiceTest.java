package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities.Holder;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;

import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.testing.FakeStaffLedgerIdentities;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffAccountRepository;
import bt.druk.registry.testing.PlainPasswordHasher;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A staff member's own ledger identity: issued with the certificate attributes of their account,
 * and on disabling revoked only once every write they made is on the ledger, never before.
 */
class StaffLedgerIdentityServiceTest {

    static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null, null);

    final PortalHarness h = new PortalHarness();
    final InMemoryStaffAccountRepository repository = new InMemoryStaffAccountRepository();
    final StaffActivity activity = new StaffActivity(h.staffLog, h.clock);
    final StaffAccountService accounts = new StaffAccountService(repository, new PlainPasswordHasher(),
            new SignInThrottle(h.clock, new InMemorySignInStrikes()), activity, Set.of("password")::contains, h.clock);
    final FakeStaffLedgerIdentities identities = new FakeStaffLedgerIdentities();
    final StaffLedgerIdentityService service = new StaffLedgerIdentityService(identities, accounts, activity, h.records);

    StaffLedgerIdentityServiceTest() {
        repository.save(new StaffAccount("admin", "Administrator", Role.ADMIN, null, null,
                new PlainPasswordHasher().hash("admin-password".toCharArray()), true, h.clock.instant(), null));
    }

    private void landClerk(String name, String office) {
        accounts.createAccount(ADMIN, name, new StaffAccount.Assignment(null, Role.CLERK, Register.LAND, "NLCS", office));
    }

    @Test
    void eachRoleSignsInItsOrganisationWithTheAttributesTheChaincodeReads() {
        landClerk("pema.lhamo", "PARO");
        accounts.createAccount(ADMIN, "karma.inspector", new StaffAccount.Assignment(null, Role.INSPECTOR, null, null, null));
        accounts.createAccount(ADMIN, "deki.notary", new StaffAccount.Assignment(null, Role.CLERK, Register.NOTARY, null, "THIMPHU"));

        assertEquals("LandMSP", service.issueFor(ADMIN, "pema.lhamo").mspId());
        service.issueFor(ADMIN, "karma.inspector");
        service.issueFor(ADMIN, "deki.notary");

        assertEquals(new Holder("pema.lhamo", "LandMSP", "clerk", "land", "PARO", "NLCS"), identities.holders.get("pema.lhamo"));
        assertEquals(new Holder("karma.inspector", "AuditMSP", "inspector", null, null, null), identities.holders.get("karma.inspector"));
        assertEquals(new Holder("deki.notary", "JusticeMSP", "clerk", "notary", "THIMPHU", null), identities.holders.get("deki.notary"));
        assertEquals(3, h.staffLog.all().stream().filter(e -> e.kind().name().equals("LEDGER_IDENTITY_ISSUED")).count());
        // Issuing again finds the one she has.
        assertEquals(identities.issued.get("pema.lhamo"), service.issueFor(ADMIN, "pema.lhamo"));
        assertThrows(AccessDeniedException.class,
                () -> service.issueFor(new StaffMember("pema.lhamo", Role.CLERK, Register.LAND, "PARO"), "deki.notary"));
    }

    @Test
    void aDisabledClerksIdentityIsRevokedOnlyOnceHerAcknowledgedWritesAreOnTheLedger() {
        landClerk("pema.lhamo", "PARO");
        service.issueFor(ADMIN, "pema.lhamo");
        StaffMember pema = new StaffMember("pema.lhamo", Role.CLERK, Register.LAND, "PARO");
        h.ledger.setDown(true);
        h.land.registerFirstTitle(pema, new FirstRegistrationCommand("PRO1-0001", "T-1", "Paro", "Tsento",
                new BigDecimal("1.2"), LandType.DRY_LAND, List.of(new OwnerInput("Dechen Wangmo", "11512007777", "1"))));
        h.submitter.submitDue();
        accounts.disable(ADMIN, "pema.lhamo");

        assertThrows(IllegalStateException.class, () -> service.revokeFor(ADMIN, "admin"), "an enabled account keeps its identity");
        StaffLedgerIdentityService.Revocation waiting = service.revokeFor(ADMIN, "pema.lhamo");
        assertEquals(new StaffLedgerIdentityService.Revocation.Waiting(1), waiting);
        assertFalse(identities.find("pema.lhamo").orElseThrow().revoked(), "her acknowledged write would be refused");

        service.revokeWaiting();
        assertFalse(identities.find("pema.lhamo").orElseThrow().revoked(), "still waiting for the ledger");

        h.ledger.setDown(false);
        while (h.submitter.submitDue() > 0) {
            // until her write is on the ledger
        }
        service.revokeWaiting();
        assertTrue(identities.find("pema.lhamo").orElseThrow().revoked());
        assertInstanceOf(StaffLedgerIdentityService.Revocation.Revoked.class, service.revokeFor(ADMIN, "pema.lhamo"));
        assertEquals(1, h.staffLog.all().stream().filter(e -> e.kind().name().equals("LEDGER_IDENTITY_REVOKED")).count());

        // Her account cannot be enabled again: the ledger would refuse what she registered.
        assertFalse(service.enable(ADMIN, "pema.lhamo"));
        assertFalse(repository.findByUsername("pema.lhamo").orElseThrow().enabled());
    }

    @Test
    void anAccountWithAnIdentityKeepsWhatItsCertificateSaysAndOnlyItsNameChanges() {
        landClerk("pema.lhamo", "PARO");
        landClerk("karma.new", "PARO");
        service.issueFor(ADMIN, "pema.lhamo");

        var moved = assertThrows(bt.druk.registry.domain.shared.ValidationException.class, () -> service.changeAccount(ADMIN,
                "pema.lhamo", new StaffAccount.Assignment(null, Role.CLERK, Register.LAND, "NLCS", "THIMPHU")));
        assertEquals("office", moved.errors().get(0).field());
        assertEquals("PARO", repository.findByUsername("pema.lhamo").orElseThrow().office());

        service.changeAccount(ADMIN, "pema.lhamo", new StaffAccount.Assignment("Pema Lhamo", Role.CLERK, Register.LAND, "NLCS", "PARO"));
        assertEquals("Pema Lhamo", repository.findByUsername("pema.lhamo").orElseThrow().displayName());
        // Without an identity yet, everything may change.
        service.changeAccount(ADMIN, "karma.new", new StaffAccount.Assignment(null, Role.CLERK, Register.LAND, "NLCS", "THIMPHU"));
        assertEquals("THIMPHU", repository.findByUsername("karma.new").orElseThrow().office());
    }

    @Test
    void anAccountDisabledBeforeItsIdentityWasRevokedIsEnabledAgain() {
        landClerk("pema.lhamo", "PARO");
        service.issueFor(ADMIN, "pema.lhamo");
        accounts.disable(ADMIN, "pema.lhamo");
        assertTrue(service.enable(ADMIN, "pema.lhamo"));
        assertTrue(repository.findByUsername("pema.lhamo").orElseThrow().enabled());
    }

    @Test
    void aCaThatDoesNotAnswerOnDisablingIsTriedAgainLater() {
        landClerk("pema.lhamo", "PARO");
        service.issueFor(ADMIN, "pema.lhamo");
        accounts.disable(ADMIN, "pema.lhamo");
        identities.unreachable = true;
        assertThrows(bt.druk.registry.domain.ledger.LedgerUnavailableException.class, () -> service.revokeFor(ADMIN, "pema.lhamo"));
        service.revokeWaiting(); // logs and keeps going
        assertFalse(identities.find("pema.lhamo").orElseThrow().revoked());
        identities.unreachable = false;
        service.revokeWaiting();
        assertTrue(identities.find("pema.lhamo").orElseThrow().revoked());
    }
}
