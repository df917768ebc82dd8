package bt.druk.registry.interfaces.web;

import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import bt.druk.registry.infrastructure.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the error page and the ajax error dialog say about a failure nothing else handled: that the
 * database cannot be reached (nothing was saved; try again shortly), or the general text.
 */
@Named
@ApplicationScoped
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    @Inject
    Messages messages;

    @Inject
    DatabaseProbe database;

    /**
     * @param failure PrimeFaces' {@code pfExceptionHandler.exception} or the servlet's error exception; null
     *                where the page was reached by a redirect that could not carry it (no session), and then
     *                the database itself is asked
     */
    public String text(Throwable failure, String generalKey) {
        boolean databaseDown = failure != null ? DatabaseOutage.causedBy(failure) : !database.reachable();
        if (failure != null && !databaseDown) {
            // The page shows no exception text; the operator's log must have it.
            LOG.log(Level.WARNING, "a page failed with an unexpected error", failure);
        }
        return messages.text(databaseDown ? "error.databaseDown" : generalKey);
    }
}
