package bt.druk.registry.infrastructure.batch;

import bt.druk.registry.application.land.ThramImportService;
import bt.druk.registry.domain.land.ThramImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private volatile boolean stopping;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    public ThramImportBatchlet(ThramImportService imports,
                               @ConfigProperty(name = "druk.land.import.chunkSize", defaultValue = "100") int chunkSize) {
        this.imports = imports;
        this.chunkSize = chunkSize;
    }

    @Override
    public String process() {
        long id = Long.parseLong(importId);
        ThramImport now;
        do {
            now = imports.registerNextChunk(id, chunkSize);
        } while (!stopping && now.state() == ThramImport.State.REGISTERING);
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
