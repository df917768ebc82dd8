package bt.druk.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountTest {

    private static StaffAccount account(String username, Role role, Register register, String office) {
        return new StaffAccount(username, null, role, register, office, "hash", true, Instant.EPOCH, null);
    }

    @Test
    void clerkGroupsNameTheirRegister() {
        StaffAccount clerk = account(" Land.Clerk ", Role.CLERK, Register.LAND, "thimphu");
        assertEquals("land.clerk", clerk.username());
        assertEquals("THIMPHU", clerk.office());
        assertEquals(Set.of("clerk", "clerk-land"), clerk.groups());
        assertEquals(StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU"), clerk.toStaffMember());
    }

    @Test
    void inspectorHasNoRegister() {
        StaffAccount inspector = account("inspector", Role.INSPECTOR, null, null);
        assertEquals(Set.of("inspector"), inspector.groups());
        assertEquals(new StaffMember("inspector", Role.INSPECTOR, null, null), inspector.toStaffMember());
    }

    @Test
    void rejectsInconsistentAccounts() {
        assertThrows(IllegalArgumentException.class, () -> account("x.clerk", Role.CLERK, null, "THIMPHU"));
        assertThrows(IllegalArgumentException.class, () -> account("x.clerk", Role.CLERK, Register.LAND, null));
        assertThrows(IllegalArgumentException.class, () -> account("boss", Role.ADMIN, Register.LAND, null));
        assertThrows(IllegalArgumentException.class, () -> account("bad name", Role.ADMIN, null, null));
        assertThrows(IllegalArgumentException.class, () -> account("a", Role.ADMIN, null, null));
    }

    @Test
    void anAssignmentKeepsAgencyAndOfficeCodesInUpperCaseAndRefusesOthers() {
        StaffAccount.Assignment a = new StaffAccount.Assignment(" Pema ", Role.CLERK, Register.NOTARY, " molhr ", "paro");
        assertEquals("Pema", a.displayName());
        assertEquals("MOLHR", a.agency());
        assertEquals("PARO", a.office());
        assertThrows(IllegalArgumentException.class,
                () -> new StaffAccount.Assignment(null, Role.INSPECTOR, null, "not an agency", null));
        assertThrows(IllegalArgumentException.class, () -> new StaffAccount.Assignment(null, Role.CLERK, Register.LAND, null, null));
    }

    @Test
    void aReassignedAccountActsInItsNewPlaceAndKeepsItsName() {
        StaffAccount account = account("pema.lhamo", Role.CLERK, Register.LAND, "PARO");
        account.reassign(new StaffAccount.Assignment(null, Role.INSPECTOR, null, "RAA", null));
        assertEquals(new StaffMember("pema.lhamo", Role.INSPECTOR, null, null), account.toStaffMember());
        assertEquals("pema.lhamo", account.displayName(), "no display name: the user name");
        assertEquals(Set.of("inspector"), account.groups());
    }

    @Test
    void completingASetUpUsesTheLinkUpAndAFactorCanOnlyBeUpdatedOnceEnrolled() {
        StaffAccount account = account("pema.lhamo", Role.CLERK, Register.LAND, "PARO");
        SecondFactor factor = new SecondFactor(new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), 5, java.util.List.of());
        assertThrows(IllegalStateException.class, () -> account.updateSecondFactor(factor));
        account.grantSetup(new SetupGrant("a".repeat(64), SetupGrant.Purpose.ACCOUNT, Instant.EPOCH.plusSeconds(60)));
        assertTrue(account.setupGrant().validAt(Instant.EPOCH.plusSeconds(59)));
        assertFalse(account.setupGrant().validAt(Instant.EPOCH.plusSeconds(60)));
        account.completeSetup(factor);
        assertNull(account.setupGrant());
        account.updateSecondFactor(factor.withLastStep(6));
        assertEquals(6, account.secondFactor().lastStep());
        account.dropSecondFactor();
        assertNull(account.secondFactor());
    }
}
