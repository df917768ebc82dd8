package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a land certificate. Built from the staff view (full lagthram) or the
 * public view (public extract: masked names, no CIDs); the renderer never sees anything else.
 *
 * @param fullOwnerDetails true for the owner's lagthram (full names and CIDs), false for a public extract
 */
public record LandCertificate(
        boolean fullOwnerDetails,
        String pin,
        String thramNo,
        String dzongkhag,
        String gewog,
        String area,
        String landType,
        String status,
        List<Owner> owners,
        List<String> encumbrances,
        String pendingTransfer,
        String recordKey,
        int version,
        String hash,
        String previousHash,
        ReceiptView receipt,
        String verifyUrl,
        Instant issuedAt,
        String issuedBy) {

    public LandCertificate {
        owners = List.copyOf(owners);
        encumbrances = List.copyOf(encumbrances);
    }

    /**
     * @param cid  null on a public extract
     * @param salt the owner's commitment salt, null on a public extract: with name and CID it
     *             recomputes the commitment that names this owner in the public record
     */
    public record Owner(String name, String cid, String share, String salt) {
    }
}
