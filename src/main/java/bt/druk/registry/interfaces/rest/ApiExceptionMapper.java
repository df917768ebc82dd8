package bt.druk.registry.interfaces.rest;

import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where the API turns a failure into an answer: a problem document (RFC 9457) with a
 * status a client can act on, never a stack trace or the pages' HTML error page. Anything
 * unexpected is a 500 whose detail names only an incident id that is in the log with the trace.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());
    /** Both ways in: HTTP Basic (accounts without a second factor) and a personal API token. */
    static final String CHALLENGE = "Basic realm=\"Druk Registry\", charset=\"UTF-8\", Bearer realm=\"Druk Registry\"";
    static final String DATABASE_DOWN = "The registry's database cannot be reached just now; nothing was saved. Try again in a moment";
    static final String DATABASE_DOWN_READING = "The registry's database cannot be reached just now. Try again in a moment";
    static final String SAVE_UNCONFIRMED = "The registry's database failed while saving, so the save could not be confirmed. "
            + "Read the record before trying again";
    private static final int DATABASE_RETRY_SECONDS = 5;

    /** The request that failed (null outside Jersey, as in unit tests: then it counts as a write). */
    @Context
    Request request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = domainCause(thrown);
        if (e instanceof ApiProblem p) {
            Response.ResponseBuilder answer = answer(p.status(), p.getMessage(), List.of());
            if (p.status() == 401) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            }
            if (p.retryAfterSeconds() > 0) {
                answer.header(HttpHeaders.RETRY_AFTER, p.retryAfterSeconds());
            }
            return answer.build();
        }
        if (e instanceof ValidationException v) {
            return answer(400, "The request has invalid fields; see errors", v.errors()).build();
        }
        if (e instanceof AccessDeniedException) {
            return answer(403, "Not allowed: " + e.getMessage(), List.of()).build();
        }
        if (e instanceof RecordNotFoundException) {
            return answer(404, "No such record", List.of()).build();
        }
        if (e instanceof ConcurrentUpdateException) {
            return answer(409, "Someone saved a newer version of this record meanwhile; read it again and retry", List.of()).build();
        }
        if (e instanceof WebApplicationException w) {
            // Jersey's own refusals (no such path 404, wrong method 405, not JSON 415, ...): keep the status.
            int status = w.getResponse().getStatus();
            if (status < 500) {
                Response.ResponseBuilder answer = answer(status, Response.Status.Family.familyOf(status)
                        == Response.Status.Family.CLIENT_ERROR ? reason(status) : "Refused", List.of());
                // A 405 must say which methods the path takes (RFC 9110 15.5.6); Jersey put them in its own response.
                String allow = w.getResponse().getHeaderString(HttpHeaders.ALLOW);
                if (allow != null) {
                    answer.header(HttpHeaders.ALLOW, allow);
                }
                return answer.build();
            }
        }
        if (DatabaseOutage.unconfirmedCommit(thrown)) {
            // The commit itself failed: the save may or may not have happened, so a blind retry could double it.
            String incident = incident(Level.WARNING, "REST API: a save could not be confirmed", thrown);
            return answer(503, SAVE_UNCONFIRMED + " (incident " + incident + ")", List.of())
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS).build();
        }
        if (DatabaseOutage.causedBy(thrown)) {
            LOG.warning(() -> "REST API: the database cannot be reached: " + thrown);
            boolean reading = request != null && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"));
            return answer(503, reading ? DATABASE_DOWN_READING : DATABASE_DOWN, List.of())
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS).build();
        }
        String incident = incident(Level.SEVERE, "REST API failure", thrown);
        return answer(500, "Something went wrong on our side (incident " + incident + ")", List.of()).build();
    }

    /** Logs the failure with its trace under a new incident id, which the answer names instead of the trace. */
    private static String incident(Level level, String what, Throwable thrown) {
        String incident = UUID.randomUUID().toString();
        LOG.log(level, what + ", incident " + incident, thrown);
        return incident;
    }

    private static Response.ResponseBuilder answer(int status, String detail, List<FieldError> errors) {
        return Response.status(status).type(ApiJson.PROBLEM).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ApiJson.problem(status, reason(status), detail, errors).toString());
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /** The domain exception a transaction or CDI wrapper may hide (e.g. a TransactionalException's cause). */
    private static Throwable domainCause(Throwable thrown) {
        Throwable e = thrown;
        for (int depth = 0; e != null && depth < 8; depth++, e = e.getCause()) {
            if (e instanceof ApiProblem || e instanceof ValidationException || e instanceof AccessDeniedException
                    || e instanceof RecordNotFoundException || e instanceof ConcurrentUpdateException
                    || e instanceof WebApplicationException) {
                return e;
            }
        }
        return thrown;
    }
}
