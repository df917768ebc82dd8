package bt.druk.registry.interfaces.web;

import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import bt.druk.registry.infrastructure.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the error page and the ajax error dialog say about a failure nothing else handled: that the
 * database cannot be reached (nothing was saved; try again shortly), or the general text.
 */
@Named
@ApplicationScoped
public class Failures {

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
        return messages.text(databaseDown ? "error.databaseDown" : generalKey);
    }
}
