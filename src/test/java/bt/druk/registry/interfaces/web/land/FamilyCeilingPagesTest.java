package bt.druk.registry.interfaces.web.land;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.CourtOrderTransferCommand;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The family ceiling on the clerk's forms: the household field in every owners editor, a refusal
 * shown next to the owner's household field in English or Dzongkha, and the title page's warning.
 */
class FamilyCeilingPagesTest {

    private static final Path OWNERS_EDITOR = Path.of("webapp/WEB-INF/includes/owners-editor.xhtml");

    private final PortalHarness h = new PortalHarness();

    /**
     * The messages a page would show, as "form field: text": {@link Messages#show} puts {@code owners[0].household}
     * of form {@code register} at the component {@code register:owners:0:household} ({@code MessagesTest}).
     */
    private static final class Shown extends BundleMessages {
        final List<String> messages = new ArrayList<>();

        @Override
        public void show(ValidationException e, String formId) {
            e.errors().forEach(error -> messages.add(formId + " " + error.field() + ": " + errorText(error)));
        }
    }

    private static CurrentStaff signedIn(StaffMember member) {
        return new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.of(member);
            }
        };
    }

    private void registerForDorjisHousehold() {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("PG-1", "T-1", "Thimphu", "Kawang", new BigDecimal("24"),
                LandType.DRY_LAND, List.of(new OwnerInput("Dorji Wangmo", "11512009871", "1", "5501"))));
    }

    private static void type(OwnerRow row, String name, String cid, String share, String household) {
        row.setName(name);
        row.setCid(cid);
        row.setShare(share);
        row.setHousehold(household);
    }

    @Test
    void theRegistrationFormShowsTheRefusalAtTheOwnersHouseholdField() {
        registerForDorjisHousehold();
        RegisterParcelBean bean = new RegisterParcelBean();
        bean.titles = h.land;
        bean.currentStaff = signedIn(CLERK);
        Shown shown = new Shown();
        bean.messages = shown;
        bean.setPin("PG-2");
        bean.setThramNo("T-2");
        bean.setDzongkhag("Thimphu");
        bean.setGewog("Kawang");
        bean.setAreaAcres(new BigDecimal("2"));
        bean.setLandType(LandType.DRY_LAND);
        type(bean.getOwners().getRows().get(0), "Pema Dorji", "11512009872", "1", "5501");

        assertNull(bean.save(), "stays on the form");
        assertEquals(List.of("register owners[0].household: The Land Act 2007 limits a family's land to 25 acres: household 5501"
                + " holds 24.0 acres and would hold 26.0 with this parcel."), shown.messages);
        assertTrue(h.pipeline.current("land-title:PG-2").isEmpty());
    }

    @Test
    void theTransferFormShowsItAtTheNewOwnersHouseholdFieldAndTheHouseholdTypedIsKeptOnASave() {
        registerForDorjisHousehold();
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("PG-3", "T-3", "Thimphu", "Kawang", new BigDecimal("2"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        LodgeTransferBean bean = new LodgeTransferBean();
        bean.titles = h.land;
        bean.currentStaff = signedIn(CLERK);
        Shown shown = new Shown();
        bean.messages = shown;
        bean.setPin("PG-3");
        bean.load();
        bean.setTransferType(TransferType.SALE);
        type(bean.getNewOwners().getRows().get(0), "Pema Dorji", "11512009872", "1", "5501");

        assertNull(bean.lodge());
        assertEquals(1, shown.messages.size());
        assertTrue(shown.messages.get(0).startsWith("transfer newOwners[0].household: The Land Act 2007 limits"), shown.messages.get(0));

        type(bean.getNewOwners().getRows().get(0), "Pema Dorji", "11512009872", "1", "77-a");
        assertEquals("/clerk/land/title?faces-redirect=true&pin=PG-3&saved=2", bean.lodge());
        assertEquals("77-A", h.households.find("11512009872").orElseThrow().household());
    }

    @Test
    void everyOwnersEditorHasAHouseholdFieldWithItsMessageBesideIt() throws IOException {
        String editor = Files.readString(OWNERS_EDITOR);
        // The field Messages.show finds for owners[i].household: <form>:<repeat>:<i>:household.
        assertTrue(editor.contains("<p:inputText id=\"household\" value=\"#{row.household}\""), editor);
        assertTrue(editor.contains("<p:message for=\"household\""), editor);
        assertTrue(editor.contains("<ui:repeat id=\"#{repeatId}\""), editor);
        for (String page : List.of("register.xhtml", "transfer.xhtml", "court-order.xhtml")) {
            assertTrue(Files.readString(Path.of("webapp/clerk/land", page)).contains("/WEB-INF/includes/owners-editor.xhtml"), page);
        }
    }

    @Test
    void theRefusalReadsInDzongkhaWithTheSameFigures() {
        registerForDorjisHousehold();
        ValidationException refused = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("PG-4", "T-4", "Thimphu", "Kawang",
                        new BigDecimal("2"), LandType.DRY_LAND, List.of(new OwnerInput("Pema Dorji", "11512009872", "1", "5501")))));
        FieldError error = refused.errors().get(0);
        Messages dzongkha = new Messages() {
            @Override
            public String text(String key, Object... args) {
                String pattern = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("dz")).getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
            }
        };
        assertEquals("ས་ཆའི་བཅའ་ཁྲིམས་ ༢༠༠༧ གིས་ བཟའ་ཚང་རེ་ལུ་ ས་ཆ་ ཨེ་ཀར་ 25 ལས་ མང་མི་ཚུགས། གུང་ 5501 ལུ་ ད་ལྟོ་ ཨེ་ཀར་ 24.0"
                + " ཡོདཔ་ད་ ས་ཁོངས་འདི་དང་གཅིག་ཁར་ ཨེ་ཀར་ 26.0 འོང་།", dzongkha.errorText(error));
    }

    @Test
    void theTitlePageWarnsOfAFamilyACourtOrderTookAboveTheCeiling() {
        registerForDorjisHousehold();
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("PG-5", "T-5", "Thimphu", "Kawang", new BigDecimal("2"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        h.land.transferByCourtOrder(CLERK, new CourtOrderTransferCommand("PG-5", 1, "High Court", "HC-3/2026", "ab".repeat(32),
                List.of(new OwnerInput("Pema Dorji", "11512009872", "1", "5501"))));
        LandTitleBean bean = new LandTitleBean();
        bean.titles = h.land;
        bean.currentStaff = signedIn(CLERK);
        bean.messages = new BundleMessages();
        bean.setPin("PG-5");
        bean.load();
        assertEquals(List.of("Household 5501 holds 26.0 acres, above the Land Act 2007's ceiling of 25 acres for a family."),
                bean.getCeilingWarnings());
        assertEquals("5501", bean.household("11512009872"));
        assertNull(bean.household("10101001234"));
    }
}
