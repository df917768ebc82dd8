package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.ThramImportService;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.batch.ThramImportJobs;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulk import of thrams inside Payara Micro on H2 with the fake ledger: the thram-import job
 * runs on Jakarta Batch, its state lives in our tables (V211), a job that stopped after a chunk is
 * resumed from the stored checkpoint, and a repeat import writes nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
class ThramImportArqTest {

    static final StaffMember CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
    static final String HEADER = "pin,thram_no,dzongkhag,gewog,area_acres,land_type,owner_name,owner_cid,owner_share\n";

    @Deployment
    static WebArchive deployment() {
        return Deployments.withFakeLedger(ThramImportArqTest.class);
    }

    @Inject
    ThramImportService imports;

    @Inject
    ThramImportJobs jobs;

    @Inject
    RecordQueryService queries;

    @Resource(lookup = "java:app/jdbc/druk")
    DataSource dataSource;

    /** A file of good rows with PINs no earlier run used; rows listed in {@code bad} get a CID of 3 digits. */
    static byte[] file(String prefix, int rows, int... bad) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= rows; n++) {
            final int row = n;
            boolean isBad = java.util.Arrays.stream(bad).anyMatch(b -> b == row);
            csv.append(String.format("%s-%05d,T-%d,Thimphu,Kawang,1.5,DRY_LAND,ཀུན་ལེགས་ Karma Wangchuk,%s,1%n", prefix, n, n,
                    isBad ? "123" : String.format("%011d", 10101000000L + n)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String prefix() {
        return "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    ThramImport await(long id, Predicate<ThramImport> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        ThramImport last = null;
        while (System.currentTimeMillis() < deadline) {
            last = imports.find(CLERK, id);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " never reached the expected state; last: " + last);
    }

    int versionsOf(String prefix) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from record_version where record_key like ?")) {
            s.setString(1, "land-title:" + prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void theBatchJobRegistersTheGoodRowsAndTheLedgerCommitsThem() throws Exception {
        String prefix = prefix();
        ThramImport checked = imports.check(CLERK, "thirty.csv", file(prefix, 30, 4, 17, 29));
        assertEquals(27, checked.rowsGood());
        assertEquals(3, checked.rowsBad());
        assertEquals(0, versionsOf(prefix), "checking writes no record");
        imports.startRegistration(CLERK, checked.id());
        jobs.start(checked.id());
        ThramImport done = await(checked.id(), i -> i.state() == ThramImport.State.FINISHED);
        assertEquals(27, done.rowsRegistered());
        assertEquals(27, versionsOf(prefix));
        assertTrue(BatchRuntime.getJobOperator().getJobNames().contains("thram-import"), "ran as a Jakarta Batch job");
        long deadline = System.currentTimeMillis() + 60_000;
        while (imports.committedOnLedger(CLERK, checked.id()) < 27 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(27, imports.committedOnLedger(CLERK, checked.id()));
    }

    @Test
    void anImportThatStoppedAfterAChunkIsResumedFromItsCheckpointAndRegistersNoRowTwice() throws Exception {
        String prefix = prefix();
        ThramImport checked = imports.check(CLERK, "resume.csv", file(prefix, 250));
        imports.startRegistration(CLERK, checked.id());
        // What a portal that stopped after its first chunk leaves in the database: that chunk's titles, outcomes and checkpoint.
        ThramImport stopped = imports.registerNextChunk(checked.id(), 40);
        assertEquals(ThramImport.State.REGISTERING, stopped.state());
        assertEquals(41, stopped.checkpoint());
        assertEquals(40, versionsOf(prefix));
        // The next start resumes every import still registering.
        assertTrue(jobs.resumeUnfinished().contains(checked.id()));
        ThramImport done = await(checked.id(), i -> i.state() == ThramImport.State.FINISHED);
        assertEquals(250, done.rowsRegistered());
        assertEquals(0, done.rowsAlreadyRegistered());
        assertEquals(250, versionsOf(prefix), "one version per title: no row registered twice");
    }

    @Test
    void theSameFileAgainIsTheSameImportAndWritesNothing() throws Exception {
        String prefix = prefix();
        byte[] content = file(prefix, 5);
        ThramImport first = imports.check(CLERK, "five.csv", content);
        imports.startRegistration(CLERK, first.id());
        jobs.start(first.id());
        await(first.id(), i -> i.state() == ThramImport.State.FINISHED);
        ThramImport again = imports.check(CLERK, "five-again.csv", content);
        assertEquals(first.id(), again.id());
        assertEquals(ThramImport.State.FINISHED, imports.startRegistration(CLERK, again.id()).state());
        assertEquals(5, versionsOf(prefix));
        // A new file holding the same rows reports them as already registered and writes nothing.
        byte[] sameRows = (new String(content, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        ThramImport other = imports.check(CLERK, "five-copy.csv", sameRows);
        assertEquals(5, other.rowsAlreadyRegistered());
        assertEquals(0, other.rowsGood());
        assertEquals(ThramImport.State.FINISHED, imports.startRegistration(CLERK, other.id()).state());
        assertEquals(5, versionsOf(prefix));
    }
}
