package bt.druk.registry.interfaces.web.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.AuditEntry;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.interfaces.web.certificate.TamperReportRenderer;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the tamper report's and the audit trail's downloads hold. */
class TamperReportDownloadsTest {

    private static final String DB_HASH = "a".repeat(64);
    private static final String LEDGER_HASH = "b".repeat(64);
    private final BundleMessages messages = new BundleMessages();
    private final Function<TamperKind, String> words = k -> messages.text("tamper.kind." + k.name());

    private final ReconciliationRun run = new ReconciliationRun(7, "inspector", Instant.parse("2026-11-30T11:00:00Z"),
            ReconciliationRun.State.FINISHED, Instant.parse("2026-11-30T11:00:05Z"), 12, 30, 40, 2, 1, null);
    private final List<ReconciliationFinding> findings = List.of(
            new ReconciliationFinding("land-title:IT-1", 1, TamperKind.DOCUMENT_EDITED, DB_HASH, LEDGER_HASH),
            new ReconciliationFinding("land-title:IT-2", 3, TamperKind.LEDGER_AHEAD, null, LEDGER_HASH),
            new ReconciliationFinding("land-title:OTHER-1", 1, TamperKind.NOT_IN_DATABASE, null, LEDGER_HASH));

    @Test
    void csvListsTheRunAndEveryFindingWithBothValues() {
        String[] lines = TamperReportCsv.of(run, findings, words).split("\r\n", -1);

        assertEquals("run,started_at,finished_at,started_by,records_checked,versions_checked,ledger_records,tamper_findings,not_in_database",
                lines[0]);
        assertEquals("7,2026-11-30T11:00:00Z,2026-11-30T11:00:05Z,inspector,12,30,40,2,1", lines[1]);
        assertEquals("", lines[2]);
        assertEquals("record_key,version,finding,description,tampering,database_value,ledger_value", lines[3]);
        assertEquals("land-title:IT-1,1,DOCUMENT_EDITED,"
                + "Database row edited afterwards: the stored document no longer hashes to its recorded hash,true,"
                + DB_HASH + "," + LEDGER_HASH, lines[4]);
        assertEquals("land-title:IT-2,3,LEDGER_AHEAD,Ledger version the database does not have (ledger ahead of the database),true,,"
                + LEDGER_HASH, lines[5]);
        assertEquals("land-title:OTHER-1,1,NOT_IN_DATABASE,Not in this portal's database,false,," + LEDGER_HASH, lines[6]);
        assertEquals(8, lines.length, "one line per finding and a final line break");
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", Csv.cell("=HYPERLINK(1)"));
        assertEquals("\"'-1,2\"", Csv.cell("-1,2"));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void pdfListsTheRunCountsAndFindings() throws Exception {
        byte[] pdf = new TamperReportRenderer().render(run, findings, words, Instant.parse("2026-11-30T11:01:00Z"));

        assertTrue(PdfProbe.isPdf(pdf));
        String text = PdfProbe.text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Tamper Report"), text);
        assertTrue(text.contains("2026-11-30 11:00:05 UTC"), text);
        assertTrue(text.contains("Discrepancies 2"), text);
        assertTrue(text.contains("land-title:IT-1"), text);
        assertTrue(text.contains("Database row edited afterwards"), text);
        // Hashes wrap inside their cells.
        assertTrue(text.replace(" ", "").contains(DB_HASH + LEDGER_HASH), text);
        assertTrue(text.contains("land-title:OTHER-1"), text);
        assertTrue(text.contains("ON THE LEDGER, NOT IN THIS PORTAL'S DATABASE: 1"), text);
    }

    @Test
    void thePublicWarningNamesWhenAndWhichVersions() {
        String text = messages.text("tamper.warning.text", "2026-11-30 11:00:05 UTC", "1, 3");
        assertTrue(text.startsWith("The tamper report of 2026-11-30 11:00:05 UTC found that the portal's copy"), text);
        assertTrue(text.contains("(versions: 1, 3)") && text.contains("the ledger's entries"), text);
    }

    @Test
    void auditCsvHasOneRowPerReceipt() {
        AuditEntry entry = new AuditEntry("CAVEAT_LODGED", "land-title:IT-1", 2, "land", "land.clerk", "Land clerk (Thimphu)",
                "THIMPHU", Instant.parse("2026-11-30T10:00:00Z"), LedgerState.COMMITTED, null, "tx1", 42L,
                Instant.parse("2026-11-30T10:00:02Z"), List.of("AuditMSP", "LandMSP"));

        assertTrue(AuditCsv.HEADER.startsWith("submitted_at,operation,record_key,version,"));
        assertEquals("2026-11-30T10:00:00Z,CAVEAT_LODGED,land-title:IT-1,2,land,land.clerk,Land clerk (Thimphu),THIMPHU,"
                + "COMMITTED,,tx1,42,2026-11-30T10:00:02Z,AuditMSP LandMSP\r\n", AuditCsv.row(entry));
    }

    @Test
    void auditFiltersCountTheLastDayWholeAndRefuseAnEndBeforeTheStart() {
        AuditFilters filters = AuditFilters.parse("land", " ", "land.clerk", "2026-11-01", "2026-11-30");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), filters.toFilter().from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), filters.toFilter().until());
        assertEquals(null, filters.toFilter().office());
        assertEquals("register=land&user=land.clerk&from=2026-11-01&to=2026-11-30", filters.query());
        assertTrue(filters.problems().isEmpty());

        AuditFilters backwards = new AuditFilters(null, null, null, LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-01"));
        assertEquals("to", backwards.problems().get(0)[0]);
        assertEquals("register", new AuditFilters("roads", null, null, null, null).problems().get(0)[0]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AuditFilters.parse(null, null, null, "30/11/2026", null));
    }
}
