package bt.druk.registry.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Test only: {@code POST /api/test/commit-failure} runs a transaction whose commit fails, the way it
 * does when the database goes away between the last statement and the commit.
 */
@Path("test/commit-failure")
public class CommitFailingResource {

    @Inject
    Save save;

    @POST
    public String post() {
        save.run();
        return "saved";
    }

    @ApplicationScoped
    public static class Save {

        @Resource
        TransactionSynchronizationRegistry transaction;

        @Transactional
        public void run() {
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    throw new IllegalStateException("the database connection was lost during the commit");
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
    }
}
