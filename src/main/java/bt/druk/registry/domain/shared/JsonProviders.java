package bt.druk.registry.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The portal's one JSON provider, looked up once. Each {@code jakarta.json.Json.createXxx()} looks
 * the provider up again (a service-loader scan of the class path's JAR files); JFR showed those
 * scans as the largest cost of a land registration.
 */
public final class JsonProviders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
