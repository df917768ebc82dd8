package bt.druk.registry.infrastructure.batch;

import bt.druk.registry.application.land.ThramImportService;
import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * The step of the {@code thram-import} job: registers an import's good rows chunk after chunk, each
 * chunk in a transaction of its own ({@link ThramImportService#registerNextChunk}), until none is
 * left or the job is stopped. It runs on the batch runtime's threads, never a page's.
 */
@Named("thramImportBatchlet")
@Dependent
public class ThramImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ThramImportBatchlet.class.getName());

    private final ThramImportService imports;
    private final int chunkSize;
    private final long pauseMillis;
    private volatile boolean stopping;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    public ThramImportBatchlet(ThramImportService imports) {
        this(imports, Setting.LAND_IMPORT_CHUNK_SIZE.wholeNumber(), Setting.LAND_IMPORT_CHUNK_PAUSE_MILLIS.longNumber());
    }

    ThramImportBatchlet(ThramImportService imports, int chunkSize, long pauseMillis) {
        this.imports = imports;
        this.chunkSize = chunkSize;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public String process() throws InterruptedException {
        long id = Long.parseLong(importId);
        ThramImport now = imports.registerNextChunk(id, chunkSize);
        while (!stopping && now.state() == ThramImport.State.REGISTERING) {
            // An operator may slow an import down (to leave the ledger to the counters' own registrations).
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            now = imports.registerNextChunk(id, chunkSize);
        }
        ThramImport last = now;
        LOG.info(() -> "thram import " + id + ": " + last.state() + " at row " + last.checkpoint() + ", "
                + last.rowsRegistered() + " registered");
        return last.state().name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
