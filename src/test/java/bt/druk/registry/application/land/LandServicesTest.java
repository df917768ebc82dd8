package bt.druk.registry.application.land;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static bt.druk.registry.testing.PortalHarness.PARO_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandServicesTest {

    private final PortalHarness h = new PortalHarness();

    private static FirstRegistrationCommand firstRegistration(String pin) {
        return new FirstRegistrationCommand(pin, "t-42", "Thimphu", "Kawang", new BigDecimal("1.2500"), LandType.DRY_LAND,
                List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1/2"), new OwnerInput("Sonam Choden", "10101001235", "0.5")));
    }

    @Test
    void fieldErrorsNameTheFields() {
        ValidationException e = assertThrows(ValidationException.class, () -> h.land.registerFirstTitle(CLERK,
                new FirstRegistrationCommand("bad pin!", "", "Thimphu", "Laya", new BigDecimal("-1"), null,
                        List.of(new OwnerInput("Karma", "123", "1/3")))));
        assertEquals(List.of("pin", "thramNo", "gewog", "areaAcres", "landType", "owners[0].cid"),
                List.copyOf(e.fieldMessages().keySet()));
        assertEquals("This gewog is not in Thimphu dzongkhag", e.fieldMessages().get("gewog"));
    }

    @Test
    void onlyLandClerksMayWrite() {
        assertThrows(AccessDeniedException.class, () -> h.land.registerFirstTitle(NOTARY_CLERK, firstRegistration("TH-1")));
        assertThrows(AccessDeniedException.class, () -> h.land.findForStaff(NOTARY_CLERK, "TH-1"));
    }

    @Test
    void aTitleIsChangedOnlyByClerksOfTheOfficeThatKeepsIt() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-9"));
        StaffMember paroClerk = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> h.land.registerMortgage(paroClerk, new RegisterMortgageCommand("TH-9", 1, "M-1", "BNB")));
        assertEquals("Title TH-9 is kept by the Thimphu office; only its clerks can change it (you are of the Paro office)",
                e.getMessage());
        assertEquals(1, h.records.versionsOf("land-title:TH-9").size(), "nothing saved");
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("TH-9", 1, "M-1", "BNB"));
        assertEquals(2, h.records.versionsOf("land-title:TH-9").size());
    }

    @Test
    void theFormOffersAClerkOnlyTheDzongkhagsItsOfficeServes() {
        assertEquals(List.of("Chhukha", "Haa", "Paro"), h.land.dzongkhagsServedBy(PARO_CLERK));
        List<String> thimphu = h.land.dzongkhagsServedBy(PortalHarness.CLERK);
        assertEquals(17, thimphu.size(), thimphu.toString());
        assertTrue(thimphu.contains("Thimphu") && !thimphu.contains("Paro"), thimphu.toString());
    }

    @Test
    void aParoClerkCannotFirstRegisterAThimphuParcel() {
        ValidationException e = assertThrows(ValidationException.class, () -> h.land.registerFirstTitle(PARO_CLERK, firstRegistration("TH-7")));
        assertEquals(List.of(new FieldError("dzongkhag", "dzongkhag.otherOffice", "The PARO land office does not register parcels in"
                + " Thimphu dzongkhag: a parcel is first registered by the land office of its dzongkhag.", List.of("PARO", "Thimphu"))),
                e.errors());
        assertTrue(h.records.versionsOf("land-title:TH-7").isEmpty(), "nothing saved, nothing sent to the ledger");
        assertEquals(e.errors(), h.land.checkFirstRegistration(PARO_CLERK, firstRegistration("TH-7")), "the bulk import's check too");
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-7"));
    }

    @Test
    void aFirstRegistrationSendsTheOfficeAndTheDzongkhagTheRecordNames() {
        h.land.registerFirstTitle(PARO_CLERK, new FirstRegistrationCommand("HA-1", "H-1", "Haa", "Katsho", BigDecimal.ONE,
                LandType.DRY_LAND, List.of(new OwnerInput("Sangay Tenzin", "10403001641", "1"))));
        var v1 = h.pipeline.current("land-title:HA-1").orElseThrow();
        assertEquals(LedgerCall.of("RegisterTitle", "land-title:HA-1", v1.hash(), "PARO", "Haa"),
                h.records.findOutboxForVersion(v1.id()).orElseThrow().call());
        assertTrue(v1.canonicalJson().contains("\"dzongkhag\":\"Haa\""), "the dzongkhag sent is the hashed record's");
    }

    @Test
    void theOfficeTableIsASetting() {
        OfficeDzongkhags table = OfficeDzongkhags.parse(" paro = Paro, Haa ; THIMPHU=Thimphu");
        assertEquals("PARO=Haa,Paro;THIMPHU=Thimphu", table.toSetting());
        assertTrue(table.serves("PARO", "Haa"));
        assertFalse(table.serves("PARO", "Thimphu"));
        assertFalse(table.serves(null, "Thimphu"));
        assertFalse(table.serves("PHUENTSHOLING", "Chhukha"));
        assertTrue(OfficeDzongkhags.DEFAULT.serves("PARO", "Chhukha"));
        assertTrue(OfficeDzongkhags.DEFAULT.serves("THIMPHU", "Wangdue Phodrang"));
        for (String bad : new String[] {"", ";", "PARO", "PARO=", "=Paro", "PARO=Paro;PARO=Haa"}) {
            assertThrows(IllegalArgumentException.class, () -> OfficeDzongkhags.parse(bad), bad);
        }
        LandTitleService paroServesThimphu = new LandTitleService(h.pipeline, h.referenceData, h.queries, h.reader, h.clock,
                new LandTransferPolicy(Duration.ofSeconds(PortalHarness.NOTICE_SECONDS)), OfficeDzongkhags.parse("PARO=Paro,Thimphu"),
                LandBoundaryPolicy.DEFAULT, h.liveBoundaries, h.families);
        paroServesThimphu.registerFirstTitle(PARO_CLERK, firstRegistration("TH-8"));
        assertEquals(1, h.records.versionsOf("land-title:TH-8").size());
    }

    @Test
    void duplicatePinIsRefusedAndUnknownPinIsNotFound() {
        h.land.registerFirstTitle(CLERK, firstRegistration("th-1"));
        ValidationException e = assertThrows(ValidationException.class, () -> h.land.registerFirstTitle(CLERK, firstRegistration("TH-1")));
        assertEquals("pin", e.errors().get(0).field());
        assertThrows(RecordNotFoundException.class,
                () -> h.land.registerMortgage(CLERK, new RegisterMortgageCommand("TH-404", null, "M-1", "BNB")));
    }

    @Test
    void publicViewMasksNamesAndHasNoCids() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-2"));
        PublicTitleView view = h.publicLand.publicView("th-2").orElseThrow();
        assertEquals(List.of(new PublicOwner("Ka**** Wa****", "1/2"), new PublicOwner("So**** Ch****", "1/2")), view.owners());
        assertEquals(new BigDecimal("1.25"), view.areaAcres());
        assertEquals("T-42", view.thramNo());
        assertFalse(view.toString().contains("10101001234"), "no CID may reach the public view");
        assertFalse(view.toString().contains("Wangchuk"));
        assertEquals(1, view.chainOfTitle().size());
        assertEquals(LedgerState.PENDING, view.ledgerState());

        LandTitleStaffView staff = h.land.findForStaff(CLERK, "TH-2").orElseThrow();
        assertEquals("10101001234", staff.title().owners().get(0).cid());
        assertFalse(staff.canonicalJson().contains("10101001234"), "the hashed document holds no CID");
        assertFalse(staff.canonicalJson().contains("Wangchuk"), "the hashed document holds no name");
        assertTrue(staff.canonicalJson().contains("\"party\":\"" + staff.title().owners().get(0).party().commitment() + "\""));
    }

    @Test
    void searchByPinThramAndLocation() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-3"));
        h.land.registerFirstTitle(PARO_CLERK, new FirstRegistrationCommand("PR-9", "P-1", "Paro", "Shaba", BigDecimal.ONE,
                LandType.ORCHARD, List.of(new OwnerInput("Ugyen Dorji", "11111111111", "1"))));
        assertEquals(1, h.publicLand.search(ParcelSearch.byPin("tH-3")).size());
        assertEquals("PR-9", h.publicLand.search(ParcelSearch.byThram("p-1")).get(0).pin());
        assertEquals(1, h.publicLand.search(ParcelSearch.byLocation("Paro", null)).size());
        assertEquals(0, h.publicLand.search(ParcelSearch.byLocation("Paro", "Naja")).size());
        assertThrows(ValidationException.class, () -> h.publicLand.search(new ParcelSearch(" ", null, null, null)));
    }

    @Test
    void fullTransferLifecycleThroughThePipeline() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-4"));
        h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("TH-4", 1, TransferType.SALE,
                List.of(new OwnerInput("Dechen Pelden", "12345678901", "1"))));
        PublicTitleView pending = h.publicLand.publicView("TH-4").orElseThrow();
        assertEquals(TitleStatus.TRANSFER_PENDING, pending.status());
        assertEquals("De**** Pe****", pending.pendingTransfer().newOwners().get(0).maskedName());

        ValidationException early = assertThrows(ValidationException.class,
                () -> h.land.finaliseTransfer(CLERK, new FinaliseTransferCommand("TH-4", 2)));
        assertEquals("", early.errors().get(0).field());
        h.clock.advance(Duration.ofDays(30).plusSeconds(1));
        h.land.finaliseTransfer(CLERK, new FinaliseTransferCommand("TH-4", 2));
        for (int i = 0; i < 3; i++) {
            h.submitter.submitDue();
        }
        PublicTitleView done = h.publicLand.publicView("TH-4").orElseThrow();
        assertEquals(TitleStatus.REGISTERED, done.status());
        assertEquals(3, done.currentVersion());
        assertEquals(List.of("RegisterTitle", "LodgeTransfer", "FinaliseTransfer"),
                done.chainOfTitle().stream().map(v -> v.chaincodeFunction()).toList());
        assertTrue(done.chainOfTitle().stream().allMatch(v -> v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null));
        assertEquals(3, h.ledger.commits());
    }

    @Test
    void peopleKeepTheirCommitmentAcrossVersionsAndObjectorsStayOffTheHashedDocument() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-5"));
        String karma = h.land.findForStaff(CLERK, "TH-5").orElseThrow().title().owners().get(0).party().commitment();
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("TH-5", 1, "M-1", "Bank of Bhutan"));
        h.land.dischargeMortgage(CLERK, new DischargeMortgageCommand("TH-5", 2, "M-1"));
        h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("TH-5", 3, TransferType.GIFT,
                List.of(new OwnerInput("Karma  Wangchuk", "10101001234", "1/2"), new OwnerInput("Dechen Pelden", "12345678901", "1/2"))));
        LandTitleStaffView lodged = h.land.findForStaff(CLERK, "TH-5").orElseThrow();
        assertEquals(karma, lodged.title().owners().get(0).party().commitment(), "unchanged by mortgage and discharge");
        assertEquals(karma, lodged.title().pendingTransfer().newOwners().get(0).party().commitment(),
                "an owner who stays an owner keeps the same commitment");

        h.land.objectToTransfer(CLERK, new ObjectToTransferCommand("TH-5", 4, "Tshering Dorji", "Boundary dispute"));
        LandTitleStaffView objected = h.land.findForStaff(CLERK, "TH-5").orElseThrow();
        assertEquals("Tshering Dorji", objected.title().event().parties().get("objector").name());
        assertFalse(objected.canonicalJson().contains("Tshering"), "the objector's name stays off the hashed document");
        assertTrue(objected.canonicalJson().contains(objected.title().event().parties().get("objector").commitment()));
        assertEquals(TitleStatus.TRANSFER_OBJECTED, objected.title().status());
    }

    @Test
    void verifyOnLedgerMatchesPendingAndDetectsTampering() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-5"));
        h.submitter.submitDue();
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("TH-5", 1, "CAV-1", "Court order"));

        LedgerVerification check = h.publicLand.verifyOnLedger("TH-5");
        assertEquals(LedgerVerification.Outcome.VERIFIED_WITH_PENDING, check.outcome());
        assertEquals(List.of(VersionCheck.Match.MATCH, VersionCheck.Match.PENDING),
                check.versions().stream().map(VersionCheck::match).toList());

        h.submitter.submitDue();
        assertEquals(LedgerVerification.Outcome.VERIFIED, h.publicLand.verifyOnLedger("TH-5").outcome());

        h.ledger.tamper("land-title:TH-5", 1, "0".repeat(64));
        LedgerVerification tampered = h.publicLand.verifyOnLedger("TH-5");
        assertEquals(LedgerVerification.Outcome.MISMATCH, tampered.outcome());
        assertEquals(VersionCheck.Match.MISMATCH, tampered.versions().get(0).match());

        h.ledger.setDown(true);
        assertEquals(LedgerVerification.Outcome.LEDGER_UNAVAILABLE, h.publicLand.verifyOnLedger("TH-5").outcome());
        assertEquals(LedgerVerification.Outcome.NOT_FOUND, h.publicLand.verifyOnLedger("TH-404").outcome());
    }

    @Test
    void findByHashCombinesDatabaseAndLedger() {
        String hash = h.land.registerFirstTitle(CLERK, firstRegistration("TH-6")).hash();
        var before = h.verification.findByHash(hash);
        assertTrue(before.hits().get(0).inDatabase());
        assertFalse(before.hits().get(0).onLedger());
        h.submitter.submitDue();
        var after = h.verification.findByHash(hash.toUpperCase());
        assertTrue(after.hits().get(0).onLedger());
        assertEquals("hash", assertThrows(ValidationException.class, () -> h.verification.findByHash("abc")).errors().get(0).field());
    }

    @Test
    void recentSubmissionsForTheClerkDashboard() {
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-7"));
        h.land.registerFirstTitle(CLERK, firstRegistration("TH-8"));
        var recent = h.queries.recentSubmissions(CLERK, 10);
        assertEquals(List.of("land-title:TH-8", "land-title:TH-7"), recent.stream().map(v -> v.recordKey()).toList());
        assertNotNull(recent.get(0).hash());
    }

    @Test
    void referenceDataHasAllDzongkhagsAndGewogs() {
        assertEquals(20, h.referenceData.dzongkhags().size());
        assertEquals(205, h.referenceData.dzongkhags().stream().mapToInt(d -> d.gewogs().size()).sum());
        assertTrue(h.referenceData.isKnown("Thimphu", "Kawang"));
        assertFalse(h.referenceData.isKnown("Thimphu", "Laya"));
    }

    @Test
    void nameMasking() {
        assertEquals("Ka**** Wa****", NameMasking.mask("Karma  Wangchuk"));
        assertEquals("U**** Ts****", NameMasking.mask("Ug Tshering"));
        assertEquals("U****", NameMasking.mask("Ug"));
        assertEquals("****", NameMasking.mask(" "));
    }
}
