package bt.druk.registry.domain.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupplierTest {

    private static final String ID = "0b6f6c1e-2f5a-4d7e-9c1a-2b3c4d5e6f70";
    private static final SupplierContact CONTACT = new SupplierContact("Karma Dorji", "karma@example.bt", "+975 17 123 456");

    private static Supplier supplier(String number, String name, String username) {
        return new Supplier(ID, RegistrationNumber.parse(number), name, CONTACT, username, true,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aSupplierBidsUnderItsRegistrationNumberAndBusinessName() {
        Supplier supplier = supplier("cdb-2026-0101", "Druk Builders Pvt Ltd", "supplier.druk");
        assertEquals("CDB-2026-0101", supplier.registrationNumber().value(), "kept in upper case");
        assertEquals(new Bidder("CDB-2026-0101", "Druk Builders Pvt Ltd"), supplier.asBidder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CDB-2026-0101", "1002345", "TL/THI/2019/44", "a", "A.1-2/3"})
    void registrationNumbersOfTheBiddersFormAreTaken(String number) {
        assertTrue(RegistrationNumber.isWellFormed(number));
        assertEquals(number.toUpperCase(java.util.Locale.ROOT), RegistrationNumber.parse(" " + number + " ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-CDB", "CDB 2026", "CDB_2026", "CDB-2026-0101-XXXXXXXXXXXXXXXXXXXXXXXXXXXX", "ཀ123"})
    void malformedRegistrationNumbersAreRefusedLikeABiddersLicenceNumber(String number) {
        assertFalse(RegistrationNumber.isWellFormed(number));
        assertThrows(IllegalArgumentException.class, () -> new RegistrationNumber(number));
        assertThrows(IllegalArgumentException.class, () -> new Bidder(number, "Druk Builders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11505001234", "CID-11505001234", "11505001234/A"})
    void aCitizenIdIsNeverARegistrationNumberForItGoesOnTheLedger(String number) {
        assertTrue(RegistrationNumber.isWellFormed(number), "the bidder's form alone would let it through");
        assertThrows(IllegalArgumentException.class, () -> RegistrationNumber.parse(number));
        ValidationException.Collector errors = new ValidationException.Collector();
        assertFalse(RegistrationNumber.check(errors, "registrationNumber", number));
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of(new FieldError("registrationNumber", RegistrationNumber.PERSONAL_CODE,
                RegistrationNumber.PERSONAL_MESSAGE)), e.errors());
    }

    @Test
    void tenDigitsAreNotACid() {
        assertEquals("1234567890", RegistrationNumber.parse("1234567890").value());
    }

    @Test
    void theBusinessNameIsPublishedSoItHoldsNoCidNorEmailNorControlCharacters() {
        assertTrue(Supplier.isBusinessName("ཡང་འཕེལ་ Construction"));
        assertFalse(Supplier.isBusinessName(" "));
        assertFalse(Supplier.isBusinessName("Karma 11505001234 Builders"));
        assertFalse(Supplier.isBusinessName("karma@example.bt"));
        assertFalse(Supplier.isBusinessName("Druk\u202EBuilders"));
        assertFalse(Supplier.isBusinessName("x".repeat(201)));
        assertThrows(IllegalArgumentException.class, () -> supplier("CDB-1", "Karma 11505001234", "supplier.druk"));
    }

    @Test
    void theUserNameFollowsTheStaffRuleForBothSignInOnOnePage() {
        assertThrows(IllegalArgumentException.class, () -> supplier("CDB-1", "Druk Builders", "Supplier.Druk"));
        assertThrows(IllegalArgumentException.class, () -> supplier("CDB-1", "Druk Builders", "1supplier"));
        assertThrows(IllegalArgumentException.class, () -> new Supplier("42", RegistrationNumber.parse("CDB-1"),
                "Druk Builders", CONTACT, "supplier.druk", true, Instant.EPOCH), "the id is a UUID");
    }

    @Test
    void eachBadFieldIsNamedWithItsOwnCode() {
        ValidationException.Collector errors = new ValidationException.Collector();
        Supplier.check(errors, "", "12345678901", "X");
        SupplierContact.check(errors, "", "", "not-an-address", "12");
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of("businessName", "registrationNumber", "username", "contactPerson", "email", "phone"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("supplier.businessName.format", "supplier.registrationNumber.personal", "supplier.username.format",
                        "supplier.contactPerson.format", "supplier.email.format", "supplier.phone.format"),
                e.errors().stream().map(FieldError::code).toList());
    }

    @Test
    void aContactHasANameAnAddressAndANumber() {
        assertThrows(IllegalArgumentException.class, () -> new SupplierContact("Karma", "karma@localhost", "+975 17 123 456"));
        assertThrows(IllegalArgumentException.class, () -> new SupplierContact("Karma", "karma@example.bt", "phone me"));
        assertThrows(IllegalArgumentException.class, () -> new SupplierContact("Karma\u0000", "karma@example.bt", "17123456"));
        assertEquals("(02) 330-101", new SupplierContact("Karma", "k@example.bt", "(02) 330-101").phone());
    }
}
