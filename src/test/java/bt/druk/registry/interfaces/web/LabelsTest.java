package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelsTest {

    private final Labels labels = labels();

    private static Labels labels() {
        Labels labels = new Labels();
        labels.messages = new BundleMessages();
        return labels;
    }

    private static BidView bid(String status) {
        boolean valid = "opened".equals(status);
        return new BidView("bid:ocds-drk001-2026-0001:1", "tender:ocds-drk001-2026-0001", 1, "a".repeat(64),
                Instant.parse("2026-03-01T08:00:00Z"), valid, valid ? "Druk Builders" : null, valid ? "L-1" : null,
                valid ? new BigDecimal("100.00") : null, LedgerState.COMMITTED, List.of(),
                new BidView.SealedPart(status, "e".repeat(64), List.of(), null, null,
                        valid ? "bid:ocds-drk001-2026-0001:1 valid 100.00 BTN" : null, List.of()));
    }

    @Test
    void tenderStatusesUseTheirLedgerCodeWithDotsAsHyphens() {
        assertEquals("active-tendering", labels.statusCode(TenderStatus.ACTIVE_TENDERING));
        assertEquals("evaluation", labels.statusCode(TenderStatus.EVALUATION));
        assertEquals("cancelled", labels.statusCode(TenderStatus.CANCELLED));
        assertEquals("Open for bids", labels.status(TenderStatus.ACTIVE_TENDERING));
        assertEquals("Bids opened / evaluation", labels.status(TenderStatus.EVALUATION));
    }

    @ParameterizedTest
    @EnumSource(TenderStatus.class)
    void everyTenderStatusHasAMessageAndABadge(TenderStatus status) throws Exception {
        String code = labels.statusCode(status);
        assertTrue(ResourceBundle.getBundle(Messages.BUNDLE).containsKey("status." + code), "status." + code);
        String stylesheet = java.nio.file.Files.readString(java.nio.file.Path.of("webapp/resources/druk/css/druk.css"));
        assertTrue(stylesheet.contains(".badge--" + code), "badge CSS for " + code);
    }

    @Test
    void bidsAreSealedUntilOpenedWithoutCollidingWithLedgerStates() {
        assertEquals("sealed", labels.statusCode(bid("lodged")));
        assertEquals("opened", labels.statusCode(bid("opened")));
        assertEquals("withdrawn", labels.statusCode(bid("withdrawn")));
        assertEquals("Sealed (not opened)", labels.status(bid("lodged")));
        assertEquals("Opened", labels.status(bid("opened")));
        assertNotEquals(labels.statusCode(LedgerState.COMMITTED), labels.statusCode(bid("lodged")));
    }

    @Test
    void landStatusesAndLedgerStatesKeepTheirCodes() {
        assertEquals("transfer-pending", labels.statusCode(TitleStatus.TRANSFER_PENDING));
        assertEquals("committed", labels.statusCode(LedgerState.COMMITTED));
        assertEquals("pending", labels.statusCode("PENDING"), "pages pass ledger states as strings");
        assertEquals("Committed", labels.status(LedgerState.COMMITTED));
        assertEquals("unknown", labels.statusCode(null));
        assertEquals("active-tendering", labels.statusCode("active.tendering"), "a ledger code as text");
    }

    @Test
    void ngultrumHasThousandsSeparatorsAndTwoDecimals() {
        assertEquals("Nu. 1,250,000.00", labels.ngultrum(new BigDecimal("1250000")));
        assertEquals("Nu. 999.50", labels.ngultrum(new BigDecimal("999.5")));
        assertEquals("Nu. 12,345,678.90", labels.ngultrum(new BigDecimal("12345678.90")));
        assertEquals("—", labels.ngultrum(null));
    }

    @Test
    void deadlinesAreShownInBhutanTime() {
        assertEquals("2026-03-15 12:00 BTT", labels.bhutanTime(Instant.parse("2026-03-15T06:00:00Z")));
        assertEquals("2026-03-16 05:30 BTT", labels.bhutanTime(Instant.parse("2026-03-15T23:30:00Z")), "next day in Thimphu");
    }

    @Test
    void dzongkhaPagesShowDatesAmountsAndAreasInTibetanDigits() {
        Labels dz = new Labels();
        dz.messages = new BundleMessages() {
            @Override
            public java.util.Locale currentLocale() {
                return java.util.Locale.forLanguageTag("dz");
            }
        };
        assertEquals("Nu. ༡,༢༥༠,༠༠༠.༠༠", dz.ngultrum(new BigDecimal("1250000")));
        assertEquals("Nu. ༩༩༩.༥༠", dz.ngultrum(new BigDecimal("999.5")));
        assertEquals("སྤྱི་ལོ་༢༠༢༦ ཟླ་གསུམ་པ་ ཚེས་ ༡༥", dz.date(Instant.parse("2026-03-15T06:00:00Z")));
        assertEquals("སྤྱི་ལོ་༢༠༢༦ ཟླ་གསུམ་པ་ ཚེས་ ༡༦ ༠༥:༣༠ BTT", dz.bhutanTime(Instant.parse("2026-03-15T23:30:00Z")), "next day in Thimphu");
        assertEquals("སྤྱི་ལོ་༢༠༢༦ ཟླ་གསུམ་པ་ ཚེས་ ༡༥ ༢༣:༣༠:༠༥ UTC", dz.instant(Instant.parse("2026-03-15T23:30:05Z")));
        assertTrue(dz.acres(new BigDecimal("1.250")).startsWith("༡.༢༥"), dz.acres(new BigDecimal("1.250")));
        // English pages unchanged, and the certificates' static formatting stays English.
        assertEquals("15 March 2026", labels.date(Instant.parse("2026-03-15T06:00:00Z")));
        assertEquals("2026-03-15 23:30:05 UTC", labels.instant(Instant.parse("2026-03-15T23:30:05Z")));
        assertEquals("1.25 acres", labels.acres(new BigDecimal("1.250")));
        assertEquals("Nu. 1,250,000.00", Labels.formatNgultrum(new BigDecimal("1250000")));
    }

    @Test
    void publicPagesNameTheRoleOfWhoeverWroteAVersionNotTheClerk() {
        java.util.function.Function<String, bt.druk.registry.application.record.VersionView> version = key ->
                new bt.druk.registry.application.record.VersionView(key, 1, "FIRST_REGISTRATION", "RegisterTitle",
                        java.time.Instant.parse("2026-03-01T08:00:00Z"), "land.clerk2", "PARO", "a".repeat(64), "a".repeat(64), null,
                        bt.druk.registry.domain.record.LedgerState.COMMITTED, null, null, null);
        assertEquals("land clerk", labels.publicSubmitter(version.apply("land-title:PA-1")));
        assertEquals("procurement clerk", labels.publicSubmitter(version.apply("tender:ocds-drk001-2026-0001")));
        assertEquals("notary clerk", labels.publicSubmitter(version.apply("notarisation:2026-000001")));
        assertEquals("notary clerk", labels.publicSubmitter(version.apply("anchor:2026-03-01-abc")));
    }
}
