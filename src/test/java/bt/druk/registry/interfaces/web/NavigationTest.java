package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.interfaces.web.security.CurrentSupplier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NavigationTest {

    private static List<String> paths(Optional<StaffMember> member) {
        return Navigation.itemsFor(member).stream().map(Navigation.Item::path).toList();
    }

    @Test
    void thePublicSeesLandSearchTheParcelMapAndTenders() {
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml"), paths(Optional.empty()));
        assertEquals(List.of(), Navigation.newRecordActionsFor(Optional.empty()));
    }

    @Test
    void aLandClerkRegistersParcelsOneByOneOrImportsAFileOfThem() {
        Optional<StaffMember> clerk = Optional.of(StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU"));
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/clerk/index.xhtml", "/clerk/land/register.xhtml",
                        "/clerk/land/import.xhtml"),
                paths(clerk));
        assertEquals(List.of(new Navigation.Item("nav.registerParcel", "/clerk/land/register.xhtml"),
                        new Navigation.Item("nav.importThrams", "/clerk/land/import.xhtml")),
                Navigation.newRecordActionsFor(clerk));
    }

    @Test
    void aProcurementClerkPublishesTenders() {
        Optional<StaffMember> clerk = Optional.of(StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU"));
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/clerk/index.xhtml", "/clerk/procurement/new.xhtml"),
                paths(clerk));
        assertEquals(List.of(new Navigation.Item("nav.newTender", "/clerk/procurement/new.xhtml")),
                Navigation.newRecordActionsFor(clerk));
    }

    @Test
    void aNotaryClerkRegistersNotarisations() {
        Optional<StaffMember> clerk = Optional.of(StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU"));
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/clerk/index.xhtml", "/clerk/notary/new.xhtml",
                        "/clerk/notary/batch.xhtml"),
                paths(clerk));
        assertEquals(List.of(new Navigation.Item("nav.newNotarisation", "/clerk/notary/new.xhtml"),
                        new Navigation.Item("nav.batchNotarisation", "/clerk/notary/batch.xhtml")),
                Navigation.newRecordActionsFor(clerk));
    }

    @Test
    void inspectorsAndAdminsCreateNothing() {
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/clerk/index.xhtml",
                        "/inspect/tamper.xhtml", "/inspect/audit.xhtml", "/inspect/activity.xhtml"),
                paths(Optional.of(new StaffMember("audit.inspector", Role.INSPECTOR, null, null))));
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/clerk/index.xhtml",
                        "/inspect/tamper.xhtml", "/inspect/audit.xhtml", "/inspect/activity.xhtml", "/admin/staff.xhtml"),
                paths(Optional.of(new StaffMember("admin", Role.ADMIN, null, null))));
        assertEquals(List.of(), Navigation.newRecordActionsFor(Optional.of(new StaffMember("admin", Role.ADMIN, null, null))));
    }

    @Test
    void everyItemHasItsMessage() {
        Messages messages = new BundleMessages();
        for (Navigation.Item item : Navigation.itemsFor(Optional.of(StaffMember.clerk("x", Register.LAND, "T")))) {
            assertEquals(false, messages.text(item.labelKey()).equals(item.labelKey()), item.labelKey());
        }
        for (Navigation.Item item : Navigation.ADMIN) {
            assertEquals(false, messages.text(item.labelKey()).equals(item.labelKey()), item.labelKey());
        }
        for (Navigation.Item item : Navigation.INSPECT) {
            assertEquals(false, messages.text(item.labelKey()).equals(item.labelKey()), item.labelKey());
        }
        for (Register register : Register.values()) {
            for (Navigation.Item item : Navigation.newRecordActionsFor(Optional.of(StaffMember.clerk("x", register, "T")))) {
                assertEquals(false, messages.text(item.labelKey()).equals(item.labelKey()), item.labelKey());
            }
        }
    }

    @Test
    void whileTheDatabaseCannotBeReadTheMenuIsThePublicOneAndAnyOtherFailureStillFails() {
        Navigation down = new Navigation();
        down.currentStaff = staffFailingWith(new IllegalStateException("pool", new java.sql.SQLException("refused", "08001")));
        down.currentSupplier = supplierSignedIn(false);
        assertEquals(Navigation.PUBLIC, down.getItems());

        Navigation broken = new Navigation();
        broken.currentStaff = staffFailingWith(new IllegalStateException("a bug"));
        assertThrows(IllegalStateException.class, broken::getItems);
    }

    @Test
    void aSupplierSeesThePublicPagesAndItsOwnBidsNeverAStaffPage() {
        assertEquals(List.of("/records/search.xhtml", "/records/map.xhtml", "/tenders/index.xhtml", "/verify.xhtml", "/supplier/index.xhtml"),
                Navigation.itemsForSupplier().stream().map(Navigation.Item::path).toList());

        Navigation navigation = new Navigation();
        navigation.currentStaff = new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.empty();
            }
        };
        navigation.currentSupplier = supplierSignedIn(true);
        assertEquals(Navigation.itemsForSupplier(), navigation.getItems());
        assertEquals(List.of(), navigation.getNewRecordActions());
    }

    private static CurrentSupplier supplierSignedIn(boolean signedIn) {
        return new CurrentSupplier() {
            @Override
            public boolean isSignedIn() {
                return signedIn;
            }
        };
    }

    private static CurrentStaff staffFailingWith(RuntimeException failure) {
        return new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                throw failure;
            }
        };
    }
}
