package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.notary.Notarisation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Maps a notarisation to what its certificate prints. */
final class NotarialCertificates {

    private NotarialCertificates() {
    }

    /**
     * @param status  the notarisation's status in words ({@code Labels#status})
     * @param baseUrl the portal's public address without a trailing slash ({@link PublicBaseUrl})
     */
    static NotarialCertificate of(NotarisationView view, String status, String baseUrl, Instant now) {
        Notarisation n = view.notarisation();
        VersionView current = view.versions().stream().filter(v -> v.version() == view.version()).findFirst().orElse(null);
        return new NotarialCertificate(n.id(), n.documentType().label(), n.notaryOffice(), n.notarisedOn(),
                status, n.reason(), n.supersededBy(), n.file().sha256(), n.file().mediaType(), n.file().size(),
                n.parties().size(), view.recordKey(), view.version(), view.hash(), current == null ? null : current.receipt(),
                verifyUrl(baseUrl, n.file().sha256()), baseUrl + "/notary/notarisation.xhtml?id=" + encode(n.id()), now);
    }

    /** The public verify page for a document hash: what the certificate's QR code opens. */
    static String verifyUrl(String baseUrl, String sha256) {
        return baseUrl + "/verify.xhtml?hash=" + encode(sha256);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
