package bt.druk.registry.domain.notary;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A notarisation version as the register data of its hashed record. Parties appear only as their
 * {@link Party#commitment() commitments} and the file only by hash, kind and size, so the document
 * holds no personal data and can be published; reading it back needs the parties the portal keeps.
 * Dates are ISO-8601 strings; {@code supersededBy} is the replacing notarisation's record key, as on
 * the ledger.
 */
public final class NotarisationJson {

    private NotarisationJson() {
    }

    public static JsonObject toJson(Notarisation n) {
        JsonArrayBuilder parties = JSON.createArrayBuilder();
        n.parties().forEach(p -> parties.add(p.commitment()));
        NotaryEvent e = n.event();
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("operation", e.operation().name())
                .add("at", e.at().toString())
                .add("by", e.by())
                .add("office", e.office());
        nullable(event, "reason", e.reason());
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("notarisationId", n.id())
                .add("documentType", n.documentType().code())
                .add("notaryOffice", n.notaryOffice())
                .add("notarisedOn", n.notarisedOn().toString())
                .add("parties", parties)
                .add("document", JSON.createObjectBuilder()
                        .add("sha256", n.file().sha256())
                        .add("mediaType", n.file().mediaType())
                        .add("size", n.file().size()))
                .add("status", n.status().ledgerCode())
                .add("registered", n.registered().toString())
                .add("event", event);
        nullable(json, "reason", n.reason());
        nullable(json, "supersededBy", n.supersededBy() == null ? null : Notarisation.keyOf(n.supersededBy()).toString());
        return json.build();
    }

    /**
     * @param parties the party for each commitment in the document
     * @throws IllegalStateException if a commitment has no party
     */
    public static Notarisation fromJson(JsonObject json, Function<String, Optional<Party>> parties) {
        List<Party> named = new ArrayList<>();
        for (String commitment : commitmentsIn(json)) {
            named.add(parties.apply(commitment)
                    .orElseThrow(() -> new IllegalStateException("No party is stored for commitment " + commitment)));
        }
        JsonObject d = json.getJsonObject("document");
        JsonObject e = json.getJsonObject("event");
        NotaryEvent event = new NotaryEvent(NotaryOperation.valueOf(e.getString("operation")), string(e, "reason"),
                Instant.parse(e.getString("at")), e.getString("by"), e.getString("office"));
        String supersededBy = string(json, "supersededBy");
        return new Notarisation(json.getString("notarisationId"), DocumentType.fromCode(json.getString("documentType")),
                json.getString("notaryOffice"), LocalDate.parse(json.getString("notarisedOn")), named,
                new NotarisedFile(d.getString("sha256"), d.getString("mediaType"), d.getJsonNumber("size").longValueExact()),
                NotarisationStatus.fromLedgerCode(json.getString("status")), string(json, "reason"),
                supersededBy == null ? null : RecordKey.parse(supersededBy).id(), Instant.parse(json.getString("registered")), event);
    }

    /** The party commitments a notarisation document names, in order. */
    public static Set<String> commitmentsIn(JsonObject json) {
        Set<String> commitments = new LinkedHashSet<>();
        json.getJsonArray("parties").forEach(v -> commitments.add(((JsonString) v).getString()));
        return commitments;
    }

    /** The notarised document's SHA-256 in a notarisation document. */
    public static String documentHashOf(JsonObject json) {
        return json.getJsonObject("document").getString("sha256");
    }

    private static void nullable(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : null;
    }
}
