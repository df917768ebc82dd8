package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.interfaces.web.security.CurrentSupplier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The site navigation and each register's "new record" action, by who is signed in. Which register
 * offers which pages is the register catalogue's ({@link Register#publicPages()},
 * {@link Register#clerkActions()}); the layout's menu and the clerk dashboard's buttons both read it here.
 */
@Named
@RequestScoped
public class Navigation {

    /**
     * A link in the menu.
     *
     * @param labelKey message key of its text
     * @param path     context-relative path of the view, e.g. {@code /tenders/index.xhtml}
     */
    public record Item(String labelKey, String path) {
    }

    /** Public pages, for everybody (signed in or not): each register's, then verifying a document. */
    static final List<Item> PUBLIC = Stream.concat(
            Arrays.stream(Register.values()).flatMap(register -> items(register.publicPages())),
            Stream.of(new Item("nav.verify", "/verify.xhtml"))).toList();

    static final Item DASHBOARD = new Item("nav.dashboard", "/clerk/index.xhtml");

    /** Inspectors' and admins' pages (web.xml guards /inspect/* for the same roles). */
    static final List<Item> INSPECT = List.of(
            new Item("nav.tamper", "/inspect/tamper.xhtml"),
            new Item("nav.audit", "/inspect/audit.xhtml"),
            new Item("nav.activity", "/inspect/activity.xhtml"));

    /** Administrators' pages (web.xml guards /admin/* for the admin role alone). */
    static final List<Item> ADMIN = List.of(new Item("nav.staffAccounts", "/admin/staff.xhtml"));

    /** A signed-in supplier's own page (web.xml guards /supplier/* for the supplier role). */
    static final Item SUPPLIER_HOME = new Item("nav.supplierHome", "/supplier/index.xhtml");

    @Inject
    CurrentStaff currentStaff;

    @Inject
    CurrentSupplier currentSupplier;

    private List<Item> items;

    /** The menu for this person: public pages, then (signed in) the dashboard and their register's action. */
    static List<Item> itemsFor(Optional<StaffMember> member) {
        List<Item> result = new ArrayList<>(PUBLIC);
        if (member.isPresent()) {
            result.add(DASHBOARD);
            result.addAll(newRecordActionsFor(member));
            if (member.get().role() == Role.INSPECTOR || member.get().role() == Role.ADMIN) {
                result.addAll(INSPECT);
            }
            if (member.get().role() == Role.ADMIN) {
                result.addAll(ADMIN);
            }
        }
        return List.copyOf(result);
    }

    /** The menu for a signed-in supplier: public pages, then its own bids. */
    static List<Item> itemsForSupplier() {
        List<Item> result = new ArrayList<>(PUBLIC);
        result.add(SUPPLIER_HOME);
        return List.copyOf(result);
    }

    /** The "new record" actions of a clerk's register; none for inspectors, admins and the public. */
    static List<Item> newRecordActionsFor(Optional<StaffMember> member) {
        return member.filter(m -> m.role() == Role.CLERK && m.register() != null)
                .map(m -> items(m.register().clerkActions()).toList())
                .orElse(List.of());
    }

    private static Stream<Item> items(List<Register.Page> pages) {
        return pages.stream().map(page -> new Item(page.labelKey(), page.path()));
    }

    public List<Item> getItems() {
        if (items == null) {
            // while who is signed in cannot be read, the public menu: the page (or its message) is still shown
            Optional<StaffMember> member = currentStaff.shownMember();
            items = member.isEmpty() && currentSupplier.isSignedIn() ? itemsForSupplier() : itemsFor(member);
        }
        return items;
    }

    public List<Item> getNewRecordActions() {
        return newRecordActionsFor(currentStaff.member());
    }

    /** The item is the page being shown (for {@code aria-current}). */
    public boolean isCurrent(Item item) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null && item.path().equals(faces.getViewRoot().getViewId());
    }
}
