package bt.druk.registry.application.procurement.ocds;

import java.util.Objects;

/**
 * The public URLs an OCDS document points at, under the portal's public base URL (e.g.
 * {@code https://registry.example.bt}, no trailing slash). OCIDs the portal makes
 * ({@code ocds-xxxxxx-2026-0007}) are safe in a URL path as they are.
 */
public record OcdsLinks(String baseUrl) {

    public OcdsLinks {
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** {@code /ocds/releases/<ocid>.json}: every release of one contracting process. */
    public String releasePackage(String ocid) {
        return baseUrl + "/ocds/releases/" + ocid + ".json";
    }

    /** {@code /ocds/records/<ocid>.json}: the record (linked releases and compiled release). */
    public String recordPackage(String ocid) {
        return baseUrl + "/ocds/records/" + ocid + ".json";
    }

    /** {@code /ocds/releases.json}: every release of every tender. */
    public String bulkReleasePackage() {
        return baseUrl + "/ocds/releases.json";
    }

    /** A release inside its package: the package URL with the release id as fragment (OCDS linked releases). */
    public String release(String ocid, String releaseId) {
        return releasePackage(ocid) + "#" + releaseId;
    }

    /** A public file of the off-chain store (tender documents and those of bids opened as valid). */
    public String file(String sha256) {
        return baseUrl + "/files/" + sha256;
    }

    /** The exact bytes of a record version, whose SHA-256 is its document hash. */
    public String recordDocument(String documentHash) {
        return baseUrl + "/records/documents/" + documentHash + ".json";
    }

    public String ledgerExtension() {
        return baseUrl + "/ocds/extensions/" + OcdsCodes.LEDGER_EXTENSION_NAME + "/extension.json";
    }

    public String ledgerExtensionFile(String name) {
        return baseUrl + "/ocds/extensions/" + OcdsCodes.LEDGER_EXTENSION_NAME + "/" + name;
    }

    public String publisher() {
        return baseUrl + "/";
    }
}
