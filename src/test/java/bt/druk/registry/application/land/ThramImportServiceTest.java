package bt.druk.registry.application.land;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.land.ThramImportRow;
import bt.druk.registry.domain.land.ThramImportRow.CellError;
import bt.druk.registry.domain.land.ThramImportRow.Outcome;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.InMemoryThramImportRepository;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThramImportServiceTest {

    private static final String HEADER = "pin,thram_no,dzongkhag,gewog,area_acres,land_type,owner_name,owner_cid,owner_share\n";

    private final PortalHarness h = new PortalHarness();
    private final InMemoryThramImportRepository repository = new InMemoryThramImportRepository(
            key -> h.pipeline.current(key).map(v -> v.ledgerState() == LedgerState.COMMITTED).orElse(false));
    private ThramImportService service = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(20000));

    private static byte[] csv(String body) {
        return (HEADER + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String goodRow(int n) {
        return String.format("IMP-%04d,T-%d,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk,%011d,1%n", n, n, 10101000000L + n);
    }

    private static String goodRows(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(ThramImportServiceTest::goodRow).collect(Collectors.joining());
    }

    private List<CellError> errorsOfRow(ThramImport imported, int rowNo) {
        return repository.allRows(imported.id()).stream().filter(r -> r.rowNo() == rowNo).findFirst().orElseThrow().errors();
    }

    private ThramImport runToEnd(ThramImport started, int chunk) {
        ThramImport now = started;
        for (int i = 0; i < 1000 && now.state() == ThramImport.State.REGISTERING; i++) {
            now = service.registerNextChunk(now.id(), chunk);
        }
        return now;
    }

    @Test
    void theSampleFileReadsAsThreeGoodRowsWithDzongkhagNamesAndASecondOwner() throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/land-import/thrams-sample.csv")) {
            sample = in.readAllBytes();
        }
        ThramImport checked = service.check(CLERK, "thrams-sample.csv", sample);
        assertEquals(3, checked.rowsRead());
        assertEquals(3, checked.rowsGood(), () -> repository.allRows(checked.id()).toString());
        ThramImport done = runToEnd(service.startRegistration(CLERK, checked.id()), 2);
        assertEquals(3, done.rowsRegistered());
        var title = h.land.findForStaff(CLERK, "IMP-0002").orElseThrow().title();
        assertEquals("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", title.owners().get(0).name());
        assertEquals(2, h.land.findForStaff(CLERK, "IMP-0001").orElseThrow().title().owners().size());
        assertEquals("Dorji, Tshering", h.land.findForStaff(CLERK, "IMP-0003").orElseThrow().title().owners().get(0).name());
    }

    @Test
    void checkingAFileReportsEveryBadRowByRowAndColumnWithTheFormsMessageAndRegistersNothing() {
        ThramImport checked = service.check(CLERK, "mixed.csv", csv(goodRow(1)
                + "IMP-0002,T-2,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk\n"                   // row 3: missing columns
                + "IMP-0003,T-3,Thimphu,Kawang,one acre,DRY_LAND,Karma Wangchuk,10101000003,1\n" // row 4: bad area
                + "IMP-0004,T-4,Thimphu,Kawang,1.5,DRY_LAND,Karma\u0007 Wangchuk,10101000004,1\n" // row 5: control character
                + goodRow(1)                                                                       // row 6: same PIN as row 2
                + "IMP-0007,T-7,Gotham,Kawang,1.5,DRY_LAND,Karma Wangchuk,10101000007,1\n"        // row 7: unknown dzongkhag
                + "IMP-0008,T-8,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk,123,1\n"               // row 8: bad CID
                + "IMP-0009,T-9,Thimphu,Kawang,1.5,SWAMP,Karma Wangchuk,10101000009,1\n"          // row 9: unknown land type
                + goodRow(10)));
        assertEquals(9, checked.rowsRead());
        assertEquals(2, checked.rowsGood());
        assertEquals(7, checked.rowsBad());
        assertEquals(List.of(new CellError("owner_cid", "import.columns", "This row has 7 values; the header has 9")), errorsOfRow(checked, 3));
        assertEquals(List.of(new CellError("area_acres", "area.format", "Enter the area as a number, e.g. 0.25.")), errorsOfRow(checked, 4));
        assertEquals("owner_name", errorsOfRow(checked, 5).get(0).column());
        assertEquals("text.characters", errorsOfRow(checked, 5).get(0).code());
        assertEquals(List.of(new CellError("pin", "import.duplicate", "This PIN is also on row 2 of this file")), errorsOfRow(checked, 6));
        assertEquals(List.of(new CellError("dzongkhag", "dzongkhag.unknown", "Unknown dzongkhag")), errorsOfRow(checked, 7));
        assertEquals("owner_cid", errorsOfRow(checked, 8).get(0).column());
        assertEquals("land_type", errorsOfRow(checked, 9).get(0).column());
        assertTrue(h.land.findForStaff(CLERK, "IMP-0001").isEmpty(), "checking writes no title");
        assertEquals(ThramImport.State.CHECKED, checked.state());
    }

    @Test
    void aRowGetsTheSameMessagesTheFormGivesForTheSameValues() {
        var form = assertThrows(ValidationException.class, () -> h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(
                "bad pin!", "", "Thimphu", "Laya", new BigDecimal("1"), null, List.of(new OwnerInput("Karma", "123", "1/3")))));
        ThramImport checked = service.check(CLERK, "form.csv", csv("bad pin!,,Thimphu,Laya,1,,Karma,123,1/3\n"));
        List<CellError> row = errorsOfRow(checked, 2);
        assertEquals(form.errors().stream().map(e -> e.message()).toList(), row.stream().map(CellError::message).toList());
        assertEquals(List.of("pin", "thram_no", "gewog", "land_type", "owner_cid"), row.stream().map(CellError::column).toList());
    }

    @Test
    void aFileThatIsNotTheImportsCsvIsRefusedAsAWholeWithAReason() {
        var noColumn = assertThrows(ValidationException.class, () -> service.check(CLERK, "x.csv",
                "pin,thram_no\nA-1,T-1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", noColumn.errors().get(0).field());
        assertTrue(noColumn.getMessage().contains("dzongkhag"), noColumn.getMessage());
        byte[] latin1File = (HEADER + "A-1,T-1,Thimphu,Kawang,1,DRY_LAND,J\u00e9r\u00f4me,10101000001,1\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var latin1 = assertThrows(ValidationException.class, () -> service.check(CLERK, "x.csv", latin1File));
        assertEquals("import.encoding", latin1.errors().get(0).code());
        var tooMany = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(2));
        assertEquals("import.tooManyRows", assertThrows(ValidationException.class,
                () -> tooMany.check(CLERK, "x.csv", csv(goodRows(3)))).errors().get(0).code());
    }

    @Test
    void registeringGoesThroughTheRecordPipelineForTheClerksOfficeAndReachesTheLedger() {
        ThramImport checked = service.check(CLERK, "ten.csv", csv(goodRows(10)));
        ThramImport done = runToEnd(service.startRegistration(CLERK, checked.id()), 3);
        assertEquals(ThramImport.State.FINISHED, done.state());
        assertEquals(10, done.rowsRegistered());
        assertEquals(0, service.committedOnLedger(CLERK, checked.id()));
        h.submitter.submitDue();
        assertEquals(10, service.committedOnLedger(CLERK, checked.id()));
        var version = h.pipeline.current("land-title:IMP-0007").orElseThrow();
        assertEquals("THIMPHU", version.office());
        assertEquals("land.clerk", version.submittedBy());
    }

    @Test
    void aRestartMidJobResumesAfterTheCheckpointAndRegistersNoRowTwice() {
        ThramImport checked = service.check(CLERK, "twenty.csv", csv(goodRows(20)));
        ThramImport afterOne = service.registerNextChunk(service.startRegistration(CLERK, checked.id()).id(), 7);
        assertEquals(8, afterOne.checkpoint(), "rows 2-8 are the first chunk");
        // The portal stops; a new one finds the import unfinished in the database and resumes it.
        service = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(20000));
        assertEquals(List.of(checked.id()), service.unfinished());
        ThramImport done = runToEnd(service.find(CLERK, checked.id()), 7);
        assertEquals(20, done.rowsRegistered());
        assertEquals(0, done.rowsAlreadyRegistered());
        for (int n = 1; n <= 20; n++) {
            assertEquals(1, h.pipeline.current(String.format("land-title:IMP-%04d", n)).orElseThrow().version());
        }
        assertTrue(service.unfinished().isEmpty());
    }

    @Test
    void theSameFileAgainIsTheSameImportAndWritesNothingTwice() {
        byte[] file = csv(goodRows(5));
        ThramImport first = runToEnd(service.startRegistration(CLERK, service.check(CLERK, "five.csv", file).id()), 2);
        ThramImport again = service.check(CLERK, "five-again.csv", file);
        assertEquals(first.id(), again.id());
        assertEquals(first, service.startRegistration(CLERK, again.id()));
        assertEquals(5, first.rowsRegistered());
        assertEquals(5, h.records.pending(100).size(), "five titles, one version each");
    }

    @Test
    void aNewFileWithRowsAlreadyRegisteredNamesThemAndRegistersOnlyTheNewOnes() {
        runToEnd(service.startRegistration(CLERK, service.check(CLERK, "a.csv", csv(goodRows(3))).id()), 10);
        ThramImport second = service.check(CLERK, "b.csv", csv(goodRows(5)));
        assertEquals(2, second.rowsGood());
        assertEquals(3, second.rowsAlreadyRegistered());
        assertEquals(List.of(2, 3, 4), service.reportRows(CLERK, second.id(), 50).stream().map(ThramImportRow::rowNo).toList());
        assertEquals(Outcome.ALREADY_REGISTERED, service.reportRows(CLERK, second.id(), 50).get(0).outcome());
        ThramImport done = runToEnd(service.startRegistration(CLERK, second.id()), 10);
        assertEquals(2, done.rowsRegistered());
    }

    @Test
    void aTitleRegisteredBetweenTheCheckAndTheJobIsReportedAsAlreadyRegistered() {
        ThramImport checked = service.check(CLERK, "three.csv", csv(goodRows(3)));
        service.startRegistration(CLERK, checked.id());
        h.land.registerFirstTitle(CLERK, ThramImportService.commandOf(repository.allRows(checked.id()).get(1)));
        ThramImport done = runToEnd(service.find(CLERK, checked.id()), 10);
        assertEquals(2, done.rowsRegistered());
        assertEquals(1, done.rowsAlreadyRegistered());
        assertEquals(Outcome.ALREADY_REGISTERED, repository.allRows(checked.id()).get(1).outcome());
    }

    @Test
    void aClerkOfAnotherOfficeCannotSeeOrStartAnImport() {
        ThramImport checked = service.check(CLERK, "one.csv", csv(goodRows(1)));
        StaffMember paro = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");
        assertThrows(AccessDeniedException.class, () -> service.find(paro, checked.id()));
        assertThrows(AccessDeniedException.class, () -> service.startRegistration(paro, checked.id()));
    }
}
