package bt.druk.registry.application.reference;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reference data for forms and validation: the 20 dzongkhags and their 205 gewogs. */
@ApplicationScoped
public class ReferenceDataService {

    static final String RESOURCE = "/bt/druk/registry/reference/dzongkhags.json";

    private final Map<String, Dzongkhag> dzongkhags = load();

    /** All dzongkhags in alphabetical order, each with its gewogs in alphabetical order. */
    public List<Dzongkhag> dzongkhags() {
        return List.copyOf(dzongkhags.values());
    }

    public Optional<Dzongkhag> dzongkhag(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(dzongkhags.get(name.trim()));
    }

    /** Gewogs of the dzongkhag, or an empty list for an unknown dzongkhag. */
    public List<String> gewogsOf(String dzongkhagName) {
        return dzongkhag(dzongkhagName).map(Dzongkhag::gewogs).orElse(List.of());
    }

    public boolean isKnown(String dzongkhagName, String gewogName) {
        return gewogName != null && gewogsOf(dzongkhagName).contains(gewogName.trim());
    }

    private static Map<String, Dzongkhag> load() {
        try (InputStream in = ReferenceDataService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (JsonReader reader = JSON.createReader(in)) {
                JsonObject all = reader.readObject().getJsonObject("dzongkhags");
                Map<String, Dzongkhag> result = new TreeMap<>();
                all.forEach((name, gewogs) -> {
                    List<String> names = new ArrayList<>(gewogs.asJsonArray().getValuesAs(JsonString::getString));
                    names.sort(Comparator.naturalOrder());
                    result.put(name, new Dzongkhag(name, names));
                });
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
