package bt.druk.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
