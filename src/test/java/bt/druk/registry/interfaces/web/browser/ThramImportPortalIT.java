package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.browser.FacesHttpSession.Page;
import bt.druk.registry.network.NetworkScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bulk import of thrams end to end on the real network, as a signed-in land clerk over HTTP
 * through the page (upload, report, register, progress): every good row committed on the ledger
 * once; then an import whose portal is killed with SIGKILL mid-job resumes after the restart from
 * its checkpoint and registers every row exactly once. Port {@code druk.thramImport.port} (18487).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThramImportPortalIT {

    static final String PAGE = "/clerk/land/import.xhtml";
    static final String HEADER = "pin,thram_no,dzongkhag,gewog,area_acres,land_type,owner_name,owner_cid,owner_share\n";
    private static final Pattern REPORT_ROW = Pattern.compile("<tr class=\"import-row import-row--(\\w+)\">\\s*<td>(\\d+)</td>");

    static PortalUnderTest portal;
    static final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));

    @BeforeAll
    static void startPortal() throws IOException, InterruptedException {
        // Chunks of 5 with a pause between them, so that a kill finds the job in the middle.
        portal = PortalUnderTest.startOwn("thram-import-it", Integer.getInteger("druk.thramImport.port", 18487),
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_LAND_IMPORT_CHUNKSIZE", "5", "DRUK_LAND_IMPORT_CHUNKPAUSEMILLIS", "150"));
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    record Summary(long id, String state, int read, int good, int bad, int already, int registered, int committed) {
    }

    static int cell(Page page, String id) {
        Matcher m = Pattern.compile("<td id=\"" + id + "\">(\\d+)</td>").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no " + id + " on the import page: " + page.summary());
        }
        return Integer.parseInt(m.group(1));
    }

    static Summary summary(Page page) {
        Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(page.uri().toString());
        Matcher state = Pattern.compile("<p id=\"state\">([^<]*)</p>").matcher(page.body());
        assertTrue(id.find() && state.find(), () -> "not an import's page: " + page.uri() + " " + page.summary());
        return new Summary(Long.parseLong(id.group(1)), state.group(1), cell(page, "rowsRead"), cell(page, "rowsGood"), cell(page, "rowsBad"),
                cell(page, "rowsAlready"), cell(page, "rowsRegistered"), cell(page, "rowsCommitted"));
    }

    static FacesHttpSession clerk() throws IOException, InterruptedException {
        FacesHttpSession session = new FacesHttpSession(portal.baseUrl);
        Page home = session.signIn("land.clerk", portal.demoPassword);
        assertTrue(home.uri().getPath().contains("/clerk/"), () -> "sign-in failed: " + home.summary());
        return session;
    }

    /** Uploads the file on the import page; the page of its import (after the redirect). */
    static Page upload(FacesHttpSession session, String name, String csv) throws IOException, InterruptedException {
        Page form = session.get(PAGE);
        assertEquals(200, form.status(), form::summary);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("upload", "upload");
        fields.put("upload:check", "Check the file");
        return session.postMultipart(PAGE, fields, "upload:file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    static Page register(FacesHttpSession session, Page importPage) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("progress", "progress");
        fields.put("progress:register", "Register the good rows");
        return session.post(PAGE, fields);
    }

    static Summary awaitSummary(FacesHttpSession session, long id, java.util.function.Predicate<Summary> condition, int seconds)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Summary last = null;
        while (System.currentTimeMillis() < deadline) {
            last = summary(session.get(PAGE + "?id=" + id));
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("import " + id + " never got there; last: " + last);
    }

    static String row(String pin, int n, String area, String name, String dzongkhag) {
        return String.format("%s,T-%d,%s,Kawang,%s,DRY_LAND,%s,%011d,1%n", pin, n, dzongkhag, area, name, 10101000000L + n);
    }

    static int ledgerWrites(String key) {
        String output = NetworkScript.runOrFail("query", "inspector", "audit", "GetHistory", key).output().strip();
        String json = output.substring(output.lastIndexOf("\n[") + 1);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readArray().size();
        }
    }

    @Test
    @Order(1)
    void aClerkImportsTwentyRowsWithThreeBadOnesAndEveryGoodRowIsCommittedOnTheLedgerOnce() throws Exception {
        FacesHttpSession session = clerk();
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> good = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            String pin = "IM" + run + "-" + n;
            switch (n) {
                case 5 -> csv.append(row(pin, n, "two acres", "Karma Wangchuk", "Thimphu"));
                case 11 -> csv.append(row(pin, n, "1.5", "Karma\u0000 Wangchuk", "Thimphu"));
                case 16 -> csv.append(row(pin, n, "1.5", "Karma Wangchuk", "Gotham"));
                default -> {
                    csv.append(row(pin, n, "1.5", n % 2 == 0 ? "ཀུན་ལེགས་ Kinley Wangmo" : "Karma Wangchuk", "Thimphu"));
                    good.add(pin);
                }
            }
        }
        Page checked = upload(session, "twenty.csv", csv.toString());
        Summary report = summary(checked);
        assertEquals(List.of(20, 17, 3, 0, 0), List.of(report.read(), report.good(), report.bad(), report.already(), report.registered()));
        List<Integer> badRows = new ArrayList<>();
        Matcher m = REPORT_ROW.matcher(checked.body());
        while (m.find()) {
            badRows.add(Integer.parseInt(m.group(2)));
        }
        assertEquals(List.of(6, 12, 17), badRows, "file rows (the header is row 1) of the bad ones");
        assertTrue(checked.body().contains("Enter the area as a number, e.g. 0.25."), "the form's own message");

        register(session, checked);
        Summary done = awaitSummary(session, report.id(), s -> s.committed() == 17, 180);
        assertEquals(17, done.registered());
        for (String pin : good) {
            assertEquals(1, ledgerWrites("land-title:" + pin), pin + " on the ledger once");
        }

        // The same file again: the same import, nothing written.
        Page again = upload(session, "twenty-again.csv", csv.toString());
        assertEquals(report.id(), summary(again).id());
        assertEquals(17, summary(again).registered());
    }

    @Test
    @Order(2)
    void anImportWhosePortalIsKilledMidJobResumesAfterTheRestartAndRegistersEveryRowOnce() throws Exception {
        FacesHttpSession session = clerk();
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 120;
        for (int n = 1; n <= rows; n++) {
            csv.append(row("RS" + run + "-" + n, n, "0.5", "Sonam Choden", "Thimphu"));
        }
        Page checked = upload(session, "restart.csv", csv.toString());
        long id = summary(checked).id();
        register(session, checked);
        Summary before = awaitSummary(session, id, s -> s.registered() >= 15, 120);
        portal.kill();
        assertTrue(before.registered() < rows, "killed mid-job");
        portal = portal.restart();
        FacesHttpSession again = clerk();
        Summary done = awaitSummary(again, id, s -> s.registered() == rows, 180);
        assertEquals(0, done.already(), "no row found registered by itself: none registered twice");
        Summary committed = awaitSummary(again, id, s -> s.committed() == rows, 240);
        System.out.printf("[thram-import] killed at %d of %d registered; after the restart all %d registered and committed%n",
                before.registered(), rows, committed.committed());
        for (int n = 1; n <= rows; n += 17) {
            assertEquals(1, ledgerWrites("land-title:RS" + run + "-" + n));
        }
    }

    /** A row of 1.5 acres surveyed as a 100 m by 60.7 m rectangle in the national grid, south-west corner at (e, n). */
    static String surveyedRow(String pin, int n, long e, long north) {
        return row(pin, n, "1.5", "Pema Lhamo", "Thimphu").stripTrailing() + String.format(
                ",EPSG:5266,\"POLYGON ((%d %d, %d %d, %d %d.7, %d %d.7, %d %d))\",%n",
                e, north, e + 100, north, e + 100, north + 60, e, north + 60, e, north);
    }

    @Test
    @Order(3)
    void rowsWithSurveyedBoundariesRegisterThemAndOneOverlappingAnotherRowIsBad() throws Exception {
        FacesHttpSession session = clerk();
        // Somewhere in the national grid no earlier run has used (the network outlives a run in development).
        long e = ThreadLocalRandom.current().nextLong(200_000, 400_000);
        long north = ThreadLocalRandom.current().nextLong(3_000_000, 3_100_000);
        String surveyed = "SV" + run + "-1";
        String csv = HEADER.strip() + ",boundary_crs,boundary_wkt,area_reason\n"
                + surveyedRow(surveyed, 1, e, north)
                + surveyedRow("SV" + run + "-2", 2, e + 50, north)                                     // half over row 2's
                + row("SV" + run + "-3", 3, "1.5", "Pema Lhamo", "Thimphu").stripTrailing() + ",EPSG:5266,\"POLYGON ((1 2, 3 4))\",\n"
                + row("SV" + run + "-4", 4, "1.5", "Pema Lhamo", "Thimphu").stripTrailing() + ",,,\n"; // no boundary: still good
        Page checked = upload(session, "surveyed.csv", csv);
        Summary report = summary(checked);
        assertEquals(List.of(4, 2, 2), List.of(report.read(), report.good(), report.bad()), checked::summary);
        assertTrue(checked.body().contains("The boundary overlaps that of " + surveyed + " on row 2 of this file"), checked::summary);

        register(session, checked);
        awaitSummary(session, report.id(), s -> s.committed() == 2, 120);
        assertEquals(1, ledgerWrites("land-title:" + surveyed));
        Page boundary = session.get("/api/parcels/" + surveyed + "/boundary?crs=surveyed");
        assertEquals(200, boundary.status(), boundary::summary);
        assertTrue(boundary.body().contains("\"EPSG:5266\"") && boundary.body().contains("[" + e)
                && boundary.body().contains("," + north),
                boundary::summary);
        assertEquals(404, session.get("/api/parcels/SV" + run + "-2/boundary").status(), "the bad row registered nothing");
    }
}
