package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandTitleJson;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/** Reads a stored land title version back, joining the public document with the parties it names. */
@ApplicationScoped
public class LandTitleReader {

    private RecordRepository records;

    protected LandTitleReader() {
    }

    @Inject
    public LandTitleReader(RecordRepository records) {
        this.records = records;
    }

    public LandTitle read(String canonicalJson) {
        JsonObject data = RecordDocument.dataOf(canonicalJson);
        Map<String, Party> parties = records.findParties(LandTitleJson.commitmentsIn(data));
        return LandTitleJson.fromJson(data, commitment -> Optional.ofNullable(parties.get(commitment)));
    }
}
