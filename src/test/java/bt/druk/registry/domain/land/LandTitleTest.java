package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.shared.PublicText;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LandTitleTest {

    private static final Instant T0 = Instant.parse("2025-11-01T09:00:00Z");
    private static final Duration NOTICE = Duration.ofDays(30);
    private static final Owner KARMA = Owner.named("Karma Wangchuk", "10101001234", Share.WHOLE);
    private static final Owner DORJI = Owner.named("Dorji Wangmo", "11506000987", Share.parse("1/2"));
    private static final Owner PEMA = Owner.named("Pema Lhamo", "11506000988", Share.parse("1/2"));

    private static LandTitle.Actor at(Instant when) {
        return new LandTitle.Actor("land.clerk", "THIMPHU", when);
    }

    private static LandTitle registered() {
        Parcel parcel = new Parcel("TH-1001", "T-77", "Thimphu", "Kawang", new BigDecimal("1.25"), LandType.DRY_LAND);
        return LandTitle.registerFirst(parcel, List.of(KARMA), at(T0));
    }

    @Test
    void firstRegistrationIsRegistered() {
        LandTitle title = registered();
        assertEquals(TitleStatus.REGISTERED, title.status());
        assertEquals(TitleOperation.FIRST_REGISTRATION, title.event().operation());
        assertEquals("land-title:TH-1001", title.recordKey());
    }

    @Test
    void sharesMustSumToOne() {
        Parcel parcel = new Parcel("TH-1", "T-1", "Thimphu", "Kawang", BigDecimal.ONE, LandType.WETLAND);
        ValidationException e = assertThrows(ValidationException.class,
                () -> LandTitle.registerFirst(parcel, List.of(DORJI), at(T0)));
        assertEquals("shares.sum", e.errors().get(0).code());
        assertEquals("owners", e.errors().get(0).field());
    }

    @Test
    void transferWaitsForTheNoticePeriodThenChangesOwners() {
        LandTitle pending = registered().lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0.plusSeconds(60)));
        assertEquals(TitleStatus.TRANSFER_PENDING, pending.status());
        assertEquals(T0.plusSeconds(60).plus(NOTICE), pending.pendingTransfer().noticeEndsAt());

        ValidationException early = assertThrows(ValidationException.class, () -> pending.finaliseTransfer(at(T0.plus(Duration.ofDays(10)))));
        assertEquals("transfer.notice-running", early.errors().get(0).code());
        assertEquals("", early.errors().get(0).field());

        LandTitle done = pending.finaliseTransfer(at(T0.plus(Duration.ofDays(31))));
        assertEquals(TitleStatus.REGISTERED, done.status());
        assertEquals(List.of(DORJI, PEMA), done.owners());
        assertNull(done.pendingTransfer());
    }

    @Test
    void objectionVoidsTheTransferAndKeepsTheOwners() {
        LandTitle pending = registered().lodgeTransfer(TransferType.GIFT, List.of(DORJI, PEMA), NOTICE, at(T0));
        LandTitle objected = pending.objectToTransfer("Sonam Tobgay", "Boundary dispute", at(T0.plus(Duration.ofDays(3))));
        assertEquals(TitleStatus.TRANSFER_OBJECTED, objected.status());
        assertEquals(List.of(KARMA), objected.owners());
        assertNull(objected.pendingTransfer());
        assertEquals("Boundary dispute", objected.event().details().get("reason"));

        ValidationException late = assertThrows(ValidationException.class,
                () -> pending.objectToTransfer("X", "Y", at(T0.plus(Duration.ofDays(30)))));
        assertEquals("transfer.notice-ended", late.errors().get(0).code());
        // A new transfer may be lodged after an objection.
        assertEquals(TitleStatus.TRANSFER_PENDING,
                objected.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0.plus(Duration.ofDays(4)))).status());
    }

    @Test
    void noTransferWhileMortgagedOrCaveatedOrPending() {
        LandTitle mortgaged = registered().registerMortgage("BNB-2025-001", "Bank of Bhutan", at(T0));
        assertEquals(TitleStatus.ENCUMBERED, mortgaged.status());
        ValidationException e = assertThrows(ValidationException.class,
                () -> mortgaged.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0)));
        assertEquals("title.encumbered", e.errors().get(0).code());

        LandTitle caveated = registered().lodgeCaveat("CAV-9", "Court order 12/2025", at(T0));
        assertThrows(ValidationException.class, () -> caveated.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0)));

        LandTitle pending = registered().lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0));
        assertEquals("title.transfer-pending", assertThrows(ValidationException.class,
                () -> pending.lodgeTransfer(TransferType.SALE, List.of(KARMA), NOTICE, at(T0))).errors().get(0).code());
        assertThrows(ValidationException.class, () -> pending.registerMortgage("M-1", "BNB", at(T0)));
        assertThrows(ValidationException.class, () -> pending.lodgeCaveat("C-1", "reason", at(T0)));
    }

    @Test
    void mortgageAndCaveatLifecycle() {
        LandTitle title = registered()
                .registerMortgage("M-1", "Bank of Bhutan", at(T0))
                .lodgeCaveat("C-1", "Inheritance claim", at(T0));
        assertEquals(TitleStatus.ENCUMBERED, title.status());
        assertEquals("mortgage.duplicate", assertThrows(ValidationException.class,
                () -> title.registerMortgage("M-1", "BDBL", at(T0))).errors().get(0).code());
        assertEquals("mortgageRef", assertThrows(ValidationException.class,
                () -> title.dischargeMortgage("M-2", at(T0))).errors().get(0).field());
        LandTitle released = title.dischargeMortgage("M-1", at(T0)).releaseCaveat("C-1", at(T0));
        assertEquals(TitleStatus.REGISTERED, released.status());
        assertEquals(TitleOperation.CAVEAT_RELEASED, released.event().operation());
        assertFalse(title.canLodgeTransfer(), "mortgage and caveat open");
        assertFalse(title.dischargeMortgage("M-1", at(T0)).canLodgeTransfer(), "caveat still open");
        assertTrue(released.canLodgeTransfer());
        assertFalse(released.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0)).canLodgeTransfer(),
                "a transfer already pending");
    }

    @Test
    void jsonRoundTripsExactly() {
        LandTitle title = registered().registerMortgage("M-1", "Bank of Bhutan", at(T0))
                .dischargeMortgage("M-1", at(T0.plusMillis(5)))
                .lodgeTransfer(TransferType.INHERITANCE, List.of(DORJI, PEMA), NOTICE, at(T0.plusSeconds(1)));
        Map<String, Party> parties = new HashMap<>();
        title.parties().forEach(p -> parties.put(p.commitment(), p));
        assertEquals(title, LandTitleJson.fromJson(LandTitleJson.toJson(title), c -> Optional.ofNullable(parties.get(c))));
    }

    @Test
    void ownerInputIsValidatedPerField() {
        ValidationException.Collector errors = new ValidationException.Collector();
        LandValidation.parseOwners(errors, "owners", List.of(
                new LandValidation.OwnerText("Karma", "1234", "1/2"),
                new LandValidation.OwnerText("", "10101001234", "x")));
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of("owners[0].cid", "owners[1].name", "owners[1].share"), List.copyOf(e.fieldMessages().keySet()));
    }

    @Test
    void duplicateCidsAreRefused() {
        ValidationException.Collector errors = new ValidationException.Collector();
        LandValidation.parseOwners(errors, "owners", List.of(
                new LandValidation.OwnerText("Karma", "10101001234", "1/2"),
                new LandValidation.OwnerText("Karma W", "10101001234", "1/2")));
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals("owners[1].cid", e.errors().get(0).field());
    }

    @Test
    void namesAndReasonsRefuseControlAndTextDirectionCharactersAndKeepDzongkha() {
        String attack = "\u0000\u202e<script>alert(1)</script>";
        ValidationException.Collector errors = new ValidationException.Collector();
        List<Owner> owners = LandValidation.parseOwners(errors, "owners", List.of(
                new LandValidation.OwnerText(attack, "10101001234", "1/2"),
                new LandValidation.OwnerText("ཀུན་ལེགས་ Kinley Wangmo", "10101001235", "1/2")));
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of("owners[0].name"), List.copyOf(e.fieldMessages().keySet()));
        assertEquals("text.characters", e.errors().get(0).code());
        assertEquals(List.of("ཀུན་ལེགས་ Kinley Wangmo"), owners.stream().map(Owner::name).toList(), "the Dzongkha name is kept as typed");

        LandTitle title = registered();
        assertEquals("lender", assertThrows(ValidationException.class,
                () -> title.registerMortgage("M-1", "Bank \u202eof Bhutan", at(T0))).errors().get(0).field());
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> title.lodgeCaveat("C-1", "boundary\u0000dispute", at(T0))).errors().get(0).field());
        LandTitle pending = title.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0));
        ValidationException objection = assertThrows(ValidationException.class,
                () -> pending.objectToTransfer(attack, "my \u2066reason\u2069", at(T0.plusSeconds(5))));
        assertEquals(List.of("objectorName", "reason"), objection.errors().stream().map(f -> f.field()).toList());

        LandTitle caveated = title.lodgeCaveat("C-1", "Boundary dispute\r\nwith ཀུན་ལེགས་", at(T0));
        assertEquals("Boundary dispute\nwith ཀུན་ལེགས་", caveated.caveats().get(0).reason(), "several lines, kept as LF");
    }

    @Test
    void namesAreCommittedInNfc() {
        ValidationException.Collector errors = new ValidationException.Collector();
        List<Owner> decomposed = LandValidation.parseOwners(errors, "owners",
                List.of(new LandValidation.OwnerText("  Rene\u0301   Dorji ", "10101001234", "1")));
        assertFalse(errors.hasErrors());
        assertEquals("Ren\u00e9 Dorji", decomposed.get(0).name(), "composed é, one space, trimmed");
        Party typedComposed = new Party("Ren\u00e9 Dorji", "10101001234", decomposed.get(0).party().salt());
        assertEquals(typedComposed.commitment(), decomposed.get(0).party().commitment());

        LandTitle objected = registered().lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0))
                .objectToTransfer("Rene\u0301 Dorji", "Cafe\u0301 deed", at(T0.plusSeconds(5)));
        assertEquals("Ren\u00e9 Dorji", objected.event().parties().get("objector").name());
        assertEquals("Caf\u00e9 deed", objected.event().details().get("reason"));
        assertEquals("Ren\u00e9 Bank", registered().registerMortgage("M-9", " Rene\u0301 Bank ", at(T0)).mortgages().get(0).lender());
    }

    @Test
    void publicTextWithACidOrAnEmailAddressIsRefusedNextToItsField() {
        LandTitle title = registered();
        ValidationException caveat = assertThrows(ValidationException.class,
                () -> title.lodgeCaveat("C-1", "Claim by CID 10101001234", at(T0)));
        assertEquals("reason", caveat.errors().get(0).field());
        assertEquals(PublicText.CODE, caveat.errors().get(0).code());
        ValidationException lender = assertThrows(ValidationException.class,
                () -> title.registerMortgage("M-1", "karma@example.bt", at(T0)));
        assertEquals("lender", lender.errors().get(0).field());
        assertEquals(PublicText.CODE, lender.errors().get(0).code());
        LandTitle pending = title.lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), NOTICE, at(T0));
        ValidationException objection = assertThrows(ValidationException.class,
                () -> pending.objectToTransfer("Sonam Tobgay", "Call 17123456 or sonam@example.bt", at(T0.plusSeconds(5))));
        assertEquals(PublicText.CODE, objection.errors().get(0).code());
        // Numbers that are not CIDs stay allowed: dates, references, a 10- or 12-digit run.
        assertEquals("Court order 12/2025, file 1234567890", title.lodgeCaveat("C-2", "Court order 12/2025, file 1234567890", at(T0))
                .caveats().get(0).reason());
    }
}
