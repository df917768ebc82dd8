package bt.druk.registry.domain.procurement;

import java.util.Objects;

/**
 * A tender document stored off-chain by the portal, bound into the tender's hashed JSON by its SHA-256.
 *
 * @param documentType OCDS documentType code, e.g. {@code tenderNotice}, {@code biddingDocuments},
 *                     {@code technicalSpecifications}, {@code clarifications}
 */
public record TenderDocument(String title, String documentType, String fileName, String mediaType, long size, String sha256) {
    public TenderDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
