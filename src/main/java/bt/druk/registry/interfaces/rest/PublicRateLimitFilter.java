package bt.druk.registry.interfaces.rest;

import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Answers 429 with {@code Retry-After} (through {@link ApiExceptionMapper}) when a client has spent
 * its budget of costly public calls, those marked {@link RateLimited}. (Checks that read the ledger
 * now spend the same budget in {@code LedgerChecks}, not here, so that they are charged once.)
 */
@Provider
public class PublicRateLimitFilter implements ContainerRequestFilter {

    @Inject
    PublicRateLimiter limiter;

    @Inject
    ClientConnections clients;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!limited(resource.getResourceMethod())) {
            return;
        }
        PublicRateLimiter.Admission admission = limiter.admit(clients.address(request));
        if (!admission.allowed()) {
            throw ApiProblem.tooManyRequests(admission.retryAfterSeconds());
        }
    }

    static boolean limited(Method method) {
        return method != null && method.isAnnotationPresent(RateLimited.class);
    }
}
