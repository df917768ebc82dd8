package bt.druk.registry.application.procurement.ocds;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.util.Comparator;
import java.util.List;

/**
 * OCDS package envelopes: a release package (one tender's releases, or every tender's in bulk)
 * and a record package (one tender's record). {@code publishedDate} is the date of the newest
 * release inside, so a package built on demand says when its content last changed and the same
 * content always gives the same bytes.
 */
public final class OcdsPackages {

    private OcdsPackages() {
    }

    public static JsonObject releasePackage(OcdsLinks links, String uri, List<JsonObject> releases) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        releases.forEach(array::add);
        return envelope(links, uri, latestDate(releases)).add("releases", array).build();
    }

    /**
     * Opens a release package on a stream: the envelope of {@link #releasePackage}, then its
     * {@code releases} array, into which the caller writes each release and then closes both (two
     * {@code writeEnd()}). The same releases give the same bytes as the package built whole.
     */
    public static void startReleasePackage(JsonGenerator json, OcdsLinks links, String uri, String publishedDate) {
        json.writeStartObject();
        envelope(links, uri, publishedDate).build().forEach(json::write);
        json.writeStartArray("releases");
    }

    /** The record of one tender: its releases linked by URL (oldest first) and the compiled release. */
    public static JsonObject recordPackage(OcdsLinks links, String ocid, List<JsonObject> releases) {
        JsonArrayBuilder linked = JSON.createArrayBuilder();
        for (JsonObject release : releases) {
            linked.add(JSON.createObjectBuilder()
                    .add("url", links.release(ocid, release.getString("id")))
                    .add("date", release.getString("date"))
                    .add("tag", release.getJsonArray("tag")));
        }
        JsonObject record = JSON.createObjectBuilder()
                .add("ocid", ocid)
                .add("releases", linked)
                .add("compiledRelease", OcdsMerge.compile(releases))
                .build();
        return envelope(links, links.recordPackage(ocid), latestDate(releases))
                .add("packages", JSON.createArrayBuilder().add(links.releasePackage(ocid)))
                .add("records", JSON.createArrayBuilder().add(record))
                .build();
    }

    /** The {@code extension.json} of the portal's ledger-evidence extension (its schema patch is a static file). */
    public static JsonObject ledgerExtension(OcdsLinks links) {
        return JSON.createObjectBuilder()
                .add("name", JSON.createObjectBuilder().add("en", "Druk Registry ledger evidence"))
                .add("description", JSON.createObjectBuilder().add("en", "Adds to each release, and to each bid, what the"
                        + " Hyperledger Fabric ledger holds for the record version behind it (record key, version, ledger"
                        + " hash, previous hash, transaction id, block, endorsing organisations), and the SHA-256 of each"
                        + " document."))
                .add("documentationUrl", JSON.createObjectBuilder().add("en", links.ledgerExtensionFile("README.md")))
                .add("compatibility", JSON.createArrayBuilder().add(OcdsCodes.OCDS_VERSION))
                .add("schemas", JSON.createArrayBuilder().add("release-schema.json"))
                .add("contactPoint", JSON.createObjectBuilder().add("name", OcdsCodes.PUBLISHER_NAME).add("url", links.publisher()))
                .build();
    }

    private static JsonObjectBuilder envelope(OcdsLinks links, String uri, String publishedDate) {
        return JSON.createObjectBuilder()
                .add("uri", uri)
                .add("version", OcdsCodes.OCDS_VERSION)
                .add("extensions", JSON.createArrayBuilder()
                        .add(OcdsCodes.BIDS_EXTENSION)
                        .add(links.ledgerExtension()))
                .add("publishedDate", publishedDate)
                .add("publisher", JSON.createObjectBuilder()
                        .add("name", OcdsCodes.PUBLISHER_NAME)
                        .add("uri", links.publisher()));
    }

    private static String latestDate(List<JsonObject> releases) {
        return releases.stream().map(r -> r.getString("date")).max(Comparator.comparing(java.time.Instant::parse))
                .orElseThrow(() -> new IllegalArgumentException("a package has at least one release"));
    }
}
