package bt.druk.registry.interfaces.web.client;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First filter of every request ({@code web.xml}): when a trusted proxy says the client came over
 * HTTPS ({@link ClientConnections}), the container is told so before anything makes a session, so
 * that the session cookie keeps {@code Secure} behind the proxy ({@link ContainerTls}). Everything
 * after it that asks the request itself ({@code isSecure()}, as PrimeFaces and Mojarra do for their
 * cookies) then gets the same answer.
 */
public class ClientConnectionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ClientConnections clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isSecure() && clients.secure(request)) {
            ContainerTls.markSecure(request);
        }
        chain.doFilter(request, response);
    }
}
