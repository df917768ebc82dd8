package bt.druk.registry.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API under {@code /api}; resources and the exception mapper are found by scanning. */
@ApplicationPath("/api")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey would otherwise answer a bodiless error with sendError, and the container would put
        // the pages' HTML error page in it; the API answers JSON only.
        return Map.of("jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
