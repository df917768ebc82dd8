package bt.druk.registry.domain.procurement;

import java.util.Objects;

/** The agency buying: a short code it is known by (also the first part of its tender numbers) and its name. */
public record ProcuringEntity(String code, String name) {
    public ProcuringEntity {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
