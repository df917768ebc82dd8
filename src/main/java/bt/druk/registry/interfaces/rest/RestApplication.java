package bt.druk.registry.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API under {@code /api}; resources and the exception mapper are found by scanning. Its
 * OpenAPI document is built by Payara from the resources' annotations and served at {@code /openapi}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Druk Registry API", version = "1",
        description = "Public records on a Hyperledger Fabric ledger: reads without sign-in, clerks' writes with HTTP Basic. "
                + "Refusals are RFC 9457 problem documents (application/problem+json). "
                + "Any call may answer 503 with Retry-After while the registry's database cannot be reached (nothing was saved); "
                + "a write answered 503 'could not be confirmed' may have been saved: read the record before sending it again."))
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey would otherwise answer a bodiless error with sendError, and the container would put
        // the pages' HTML error page in it; the API answers JSON only.
        return Map.of("jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
