package bt.druk.registry.interfaces.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientConnectionFilterTest {

    /** The shape of Payara's connector request: the TLS flag it decides the session cookie's Secure by. */
    public static final class ConnectorRequest {
        boolean secure;

        public void setSecure(boolean secure) {
            this.secure = secure;
        }
    }

    /** The shape of Payara's {@code RequestFacade}: the connector's request in a protected field {@code request}. */
    static class Facade {
        protected ConnectorRequest request = new ConnectorRequest();
    }

    static class SubclassedFacade extends Facade {
    }

    @Test
    void theConnectorsRequestBehindTheFacadeIsMarkedSecure() {
        Facade facade = new SubclassedFacade();
        assertTrue(ContainerTls.mark(facade));
        assertTrue(facade.request.secure, "so Payara gives the session cookie Secure");
        assertFalse(ContainerTls.mark(new Object()), "another container: nothing to mark, the portal goes on");
    }

    @Test
    void everyRequestIsPassedOnAlsoWhenTheContainerCannotBeToldItWasHttps() throws Exception {
        ClientConnectionFilter filter = new ClientConnectionFilter();
        filter.clients = new ClientConnections(TrustedProxies.parse("127.0.0.1"));
        List<HttpServletRequest> passedOn = new ArrayList<>();
        for (ForwardedRequest request : List.of(
                ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1").forwardedProto("https"),
                ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1").forwardedProto("http"),
                ForwardedRequest.from("203.0.113.9").forwardedProto("https"),
                ForwardedRequest.from("127.0.0.1").forwardedProto("https").overTls())) {
            filter.doFilter(request.request(), null, (req, res) -> passedOn.add((HttpServletRequest) req));
        }
        assertEquals(4, passedOn.size(), "a container without Payara's connector request only loses the cookie's Secure (logged)");
    }
}
