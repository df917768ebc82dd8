package bt.druk.registry.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failed commit ({@code TransactionalException}) answered as {@link ApiExceptionMapper} answers
 * everything else. Jersey's CDI integration has a mapper of its own for exactly this type, which
 * beats a mapper of {@code Throwable} and rethrows the exception to the container (Payara's HTML
 * error page, status 500); as close to the type, this one wins by its higher priority.
 */
@Provider
@Priority(Priorities.USER - 1000)
public class CommitFailureMapper implements ExceptionMapper<TransactionalException> {

    @Context
    Request request;

    @Override
    public Response toResponse(TransactionalException thrown) {
        ApiExceptionMapper mapper = new ApiExceptionMapper();
        mapper.request = request;
        return mapper.toResponse(thrown);
    }
}
