package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything printed on a notarial certificate: public data only (the parties appear as a count,
 * the uploaded file's name not at all), so anyone may download it.
 *
 * @param status       the notarisation's status when the certificate was issued, in words
 * @param reason       why it was revoked or superseded, else null
 * @param supersededBy number of the replacing notarisation, else null
 * @param verifyUrl    the public verify page for the document's hash (the QR code)
 * @param pageUrl      the notarisation's public page
 */
public record NotarialCertificate(
        String number,
        String documentType,
        String notaryOffice,
        LocalDate notarisedOn,
        String status,
        String reason,
        String supersededBy,
        String documentSha256,
        String mediaType,
        long size,
        int partyCount,
        String recordKey,
        int version,
        String recordHash,
        ReceiptView receipt,
        String verifyUrl,
        String pageUrl,
        Instant issuedAt) {
}
