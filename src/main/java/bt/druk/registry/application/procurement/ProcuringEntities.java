package bt.druk.registry.application.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.ProcuringEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The agencies that publish tenders (reference data shipped with the portal). */
@ApplicationScoped
public class ProcuringEntities {

    static final String RESOURCE = "/bt/druk/registry/reference/procuring-entities.json";

    private final List<ProcuringEntity> all = load();

    public List<ProcuringEntity> all() {
        return all;
    }

    public Optional<ProcuringEntity> find(String code) {
        return code == null ? Optional.empty() : all.stream().filter(e -> e.code().equals(code.trim())).findFirst();
    }

    private static List<ProcuringEntity> load() {
        try (InputStream in = ProcuringEntities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (JsonReader reader = JSON.createReader(in)) {
                List<ProcuringEntity> result = new ArrayList<>();
                for (JsonValue value : reader.readObject().getJsonArray("entities")) {
                    JsonObject entity = value.asJsonObject();
                    result.add(new ProcuringEntity(entity.getString("code"), entity.getString("name")));
                }
                return List.copyOf(result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
