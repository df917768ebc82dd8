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
    private ThramImportService service = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(20000), LandBoundaryPolicy.DEFAULT);

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
        var tooMany = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(2), LandBoundaryPolicy.DEFAULT);
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
        service = new ThramImportService(h.land, repository, h.clock, new ThramImportPolicy(20000), LandBoundaryPolicy.DEFAULT);
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

    // ---- surveyed boundaries (issue 30 item 6) ----

    private static final String BOUNDARY_HEADER = "pin,thram_no,dzongkhag,gewog,area_acres,land_type,owner_name,owner_cid,owner_share,"
            + "boundary_crs,boundary_wkt,area_reason\n";

    /** A row of 1.5 acres whose boundary is a 100 m by 60.7 m rectangle (1.4999 acres) with its south-west corner at (e, n). */
    private static String boundaryRow(int n, double e, double north, String crs) {
        return String.format(java.util.Locale.ROOT, "IMP-%04d,T-%d,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk,%011d,1,%s,"
                        + "\"POLYGON ((%.3f %.3f, %.3f %.3f, %.3f %.3f, %.3f %.3f, %.3f %.3f))\",%n",
                n, n, 10101000000L + n, crs, e, north, e + 100, north, e + 100, north + 60.7, e, north + 60.7, e, north);
    }

    private static byte[] boundaryCsv(String body) {
        return (BOUNDARY_HEADER + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRowsBoundaryInWktIsRegisteredWithTheTitleInItsCoordinateSystem() {
        ThramImport checked = service.check(CLERK, "surveyed.csv", boundaryCsv(boundaryRow(1, 214000, 3041900, "EPSG:5266")
                + goodRow(2).stripTrailing() + ",,,\n"));
        assertEquals(2, checked.rowsGood(), () -> repository.allRows(checked.id()).toString());
        runToEnd(service.startRegistration(CLERK, checked.id()), 10);
        var parcel = h.land.findForStaff(CLERK, "IMP-0001").orElseThrow().title().parcel();
        assertEquals(bt.druk.registry.domain.land.SurveyCrs.BHUTAN_NATIONAL_GRID, parcel.boundary().crs());
        assertEquals("POLYGON ((214000.000 3041900.000, 214100.000 3041900.000, 214100.000 3041960.700, 214000.000 3041960.700, "
                + "214000.000 3041900.000))", parcel.boundary().wkt());
        assertEquals(null, h.land.findForStaff(CLERK, "IMP-0002").orElseThrow().title().parcel().boundary(),
                "a row with the boundary columns empty has no boundary");
    }

    @Test
    void aBoundaryThatCannotBeReadIsABadRowNamingTheBoundaryColumns() {
        ThramImport checked = service.check(CLERK, "bad-boundaries.csv", boundaryCsv(
                boundaryRow(1, 214000, 3041900, "")                                                       // row 2: no CRS
                + boundaryRow(2, 214000, 3041900, "EPSG:4326")                                            // row 3: not a survey CRS
                + "IMP-0003,T-3,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk,10101000003,1,EPSG:5266,"
                + "\"POLYGON ((214000 3041900, 214100 3041900, 214100 3041960.7, 214000 3041960.7))\",\n" // row 4: not closed
                + "IMP-0004,T-4,Thimphu,Kawang,1.5,DRY_LAND,Karma Wangchuk,10101000004,1,EPSG:5266,,\n"   // row 5: CRS alone
                + boundaryRow(5, 214500, 3041900, "EPSG:5266").replace(",1.5,", ",3,")));            // row 6: area twice the boundary's
        assertEquals(0, checked.rowsGood());
        assertEquals(List.of(new CellError("boundary_crs", "boundary.crs.required",
                "Name the coordinate system of boundary_wkt, e.g. EPSG:5266 (Bhutan National Grid) or EPSG:5301 (Punakha TM)")),
                errorsOfRow(checked, 2));
        assertEquals(List.of("boundary_crs"), errorsOfRow(checked, 3).stream().map(CellError::column).toList());
        assertEquals("boundary.crs.unknown", errorsOfRow(checked, 3).get(0).code());
        assertEquals(List.of("boundary.ring.not-closed"), errorsOfRow(checked, 4).stream().map(CellError::code).toList());
        assertEquals("boundary_wkt", errorsOfRow(checked, 4).get(0).column());
        assertEquals(List.of(new CellError("boundary_wkt", "boundary.required",
                "boundary_crs is given but boundary_wkt is empty; enter the boundary or leave both empty")), errorsOfRow(checked, 5));
        assertEquals(List.of("area_reason"), errorsOfRow(checked, 6).stream().map(CellError::column).toList());
        assertEquals(LandTitleService.AREA_MISMATCH, errorsOfRow(checked, 6).get(0).code());
        ThramImport withReason = service.check(CLERK, "reason.csv", boundaryCsv(boundaryRow(5, 214500, 3041900, "EPSG:5266")
                .replace(",1.5,", ",3,").stripTrailing() + "Resurvey of 2024 pending\n"));
        assertEquals(1, withReason.rowsGood(), "the form's area reason passes the difference here too");
    }

    @Test
    void aFileWithBoundaryWktButNoCoordinateSystemColumnIsRefusedAsAWhole() {
        var refused = assertThrows(ValidationException.class, () -> service.check(CLERK, "x.csv",
                (HEADER.strip() + ",boundary_wkt\n" + goodRow(1).stripTrailing() + ",\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("import.header", refused.errors().get(0).code());
        assertTrue(refused.getMessage().contains("boundary_wkt but no boundary_crs"), refused.getMessage());
    }

    @Test
    void rowsOfOneFileWhoseBoundariesOverlapLeaveTheFirstGoodAndNameItOnTheOthers() {
        ThramImport checked = service.check(CLERK, "overlaps.csv", boundaryCsv(
                boundaryRow(1, 214000, 3041900, "EPSG:5266")
                + boundaryRow(2, 214050, 3041900, "EPSG:5266")     // half over row 2's parcel
                + boundaryRow(3, 214100, 3041900, "EPSG:5266")     // over row 3's only, which is bad: good
                + boundaryRow(4, 214000, 3041960.698, "EPSG:5266"))); // 0.2 m² over row 2's: a sliver, good
        assertEquals(3, checked.rowsGood(), () -> repository.allRows(checked.id()).toString());
        List<CellError> row3 = errorsOfRow(checked, 3);
        assertEquals(1, row3.size());
        assertEquals(LandTitleService.BOUNDARY_OVERLAP, row3.get(0).code());
        assertEquals("The boundary overlaps that of IMP-0001 on row 2 of this file by 3035.0 m²", row3.get(0).message());
    }

    @Test
    void aBoundaryOverlappingARegisteredParcelIsBadAtTheCheckAndOneRegisteredSinceIsRefusedAtRegistration() {
        runToEnd(service.startRegistration(CLERK, service.check(CLERK, "first.csv",
                boundaryCsv(boundaryRow(1, 214000, 3041900, "EPSG:5266"))).id()), 10);
        ThramImport second = service.check(CLERK, "second.csv", boundaryCsv(boundaryRow(2, 214050, 3041900, "EPSG:5266")
                + boundaryRow(3, 214500, 3041900, "EPSG:5266")));
        assertEquals(1, second.rowsGood());
        assertEquals(LandTitleService.BOUNDARY_OVERLAP, errorsOfRow(second, 2).get(0).code());
        assertTrue(errorsOfRow(second, 2).get(0).message().contains("IMP-0001"), errorsOfRow(second, 2).toString());

        // Between the check and the job, the form registers a parcel over row 3's boundary.
        service.startRegistration(CLERK, second.id());
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("IMP-0099", "T-99", "Thimphu", "Kawang", new BigDecimal("1.5"),
                bt.druk.registry.domain.land.LandType.DRY_LAND, List.of(new OwnerInput("Pema", "10101000099", "1")),
                bt.druk.registry.domain.land.Boundary.fromWkt("EPSG:5266", "POLYGON ((214520 3041900, 214620 3041900, 214620 3041960.7, "
                        + "214520 3041960.7, 214520 3041900))").canonicalJson(), null));
        ThramImport done = runToEnd(service.find(CLERK, second.id()), 10);
        assertEquals(ThramImport.State.FINISHED, done.state());
        assertEquals(0, done.rowsRegistered());
        assertEquals(0, done.rowsGood());
        assertEquals(2, done.rowsBad());
        assertEquals("boundary_wkt", errorsOfRow(second, 3).get(0).column());
        assertTrue(errorsOfRow(second, 3).get(0).message().contains("IMP-0099"), errorsOfRow(second, 3).toString());
        assertTrue(h.land.findForStaff(CLERK, "IMP-0003").isEmpty());
    }
}
