package bt.druk.registry.application.notary;

import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationJson;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/** Reads a stored notarisation version back, joining the public document with the parties it names. */
@ApplicationScoped
public class NotarisationReader {

    private RecordRepository records;

    protected NotarisationReader() {
    }

    @Inject
    public NotarisationReader(RecordRepository records) {
        this.records = records;
    }

    public Notarisation read(String canonicalJson) {
        JsonObject data = RecordDocument.dataOf(canonicalJson);
        Map<String, Party> parties = records.findParties(NotarisationJson.commitmentsIn(data));
        return NotarisationJson.fromJson(data, commitment -> Optional.ofNullable(parties.get(commitment)));
    }
}
