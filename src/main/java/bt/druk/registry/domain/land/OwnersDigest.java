package bt.druk.registry.domain.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The owners digest the ledger compares (docs/parcel-lineage.md): HMAC-SHA-256, under a key only
 * the portal holds, of the canonical JSON list {@code [{"cid":…,"share":"1/2"},…]} ordered by CID.
 * The same people with the same shares give the same digest whatever the salts of their
 * commitments in each title; without the key no one can try CIDs against it.
 */
public final class OwnersDigest {

    /** The name of its key among the portal's secrets. */
    public static final String KEY_NAME = "owners-digest";

    private OwnersDigest() {
    }

    public static String of(byte[] key, List<Owner> owners) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        owners.stream().sorted(Comparator.comparing(Owner::cid))
                .forEach(o -> list.add(JSON.createObjectBuilder().add("cid", o.cid()).add("share", o.share().toString())));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CanonicalJson.canonicalize(list.build()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
