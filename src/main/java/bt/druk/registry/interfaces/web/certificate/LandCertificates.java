package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.PublicEncumbrance;
import bt.druk.registry.application.land.PublicOwner;
import bt.druk.registry.application.land.PublicTitleView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.Caveat;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.Lineage;
import bt.druk.registry.domain.land.Mortgage;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.PendingTransfer;
import bt.druk.registry.interfaces.web.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps the application's views to what a certificate prints. */
final class LandCertificates {

    private LandCertificates() {
    }

    /** The owner's lagthram: full names and CIDs (staff only). */
    static LandCertificate full(LandTitleStaffView view, Labels labels, String verifyUrl, String issuedBy, Instant now) {
        LandTitle title = view.title();
        List<LandCertificate.Owner> owners = new ArrayList<>();
        for (Owner owner : title.owners()) {
            owners.add(new LandCertificate.Owner(owner.name(), owner.cid(), owner.share().toString(), owner.party().salt()));
        }
        List<String> encumbrances = new ArrayList<>();
        for (Mortgage m : title.mortgages()) {
            encumbrances.add("Mortgage " + m.ref() + " in favour of " + m.lender() + ", registered " + labels.date(m.registeredAt()));
        }
        for (Caveat c : title.caveats()) {
            encumbrances.add("Caveat " + c.ref() + " (" + c.reason() + "), lodged " + labels.date(c.lodgedAt()));
        }
        PendingTransfer pending = title.pendingTransfer();
        String pendingText = pending == null ? null
                : "A transfer (" + labels.transferType(pending.transferType()) + ") was lodged on "
                + labels.date(pending.lodgedAt()) + "; its public notice period ends " + labels.date(pending.noticeEndsAt()) + ".";
        VersionView current = version(view.chainOfTitle(), view.currentVersion());
        return new LandCertificate(true, title.parcel().pin(), title.parcel().thramNo(), title.parcel().dzongkhag(),
                title.parcel().gewog(), labels.acres(title.parcel().areaAcres()), labels.landType(title.parcel().landType()),
                status(labels.status(title.status()), title.lineage()), owners, encumbrances, pendingText, view.recordKey(),
                view.currentVersion(),
                view.currentHash(), current == null ? null : current.previousHash(),
                current == null ? null : current.receipt(), verifyUrl, now, issuedBy);
    }

    /** A public extract: masked names, no CIDs (anyone). */
    static LandCertificate extract(PublicTitleView view, Labels labels, String verifyUrl, Instant now) {
        List<LandCertificate.Owner> owners = new ArrayList<>();
        for (PublicOwner owner : view.owners()) {
            owners.add(new LandCertificate.Owner(owner.maskedName(), null, owner.share(), null));
        }
        List<String> encumbrances = new ArrayList<>();
        for (PublicEncumbrance e : view.encumbrances()) {
            encumbrances.add(labels.encumbrance(e.kind()) + " " + e.ref()
                    + (e.detail() == null ? "" : " in favour of " + e.detail())
                    + ", registered " + labels.date(e.registeredAt()));
        }
        String pendingText = view.pendingTransfer() == null ? null
                : "A transfer (" + labels.transferType(view.pendingTransfer().transferType()) + ") was lodged on "
                + labels.date(view.pendingTransfer().lodgedAt()) + "; its public notice period ends "
                + labels.date(view.pendingTransfer().noticeEndsAt()) + ".";
        VersionView current = version(view.chainOfTitle(), view.currentVersion());
        return new LandCertificate(false, view.pin(), view.thramNo(), view.dzongkhag(), view.gewog(),
                labels.acres(view.areaAcres()), labels.landType(view.landType()),
                status(labels.status(view.status()), view.lineage()), owners,
                encumbrances, pendingText, view.recordKey(), view.currentVersion(), view.currentHash(),
                current == null ? null : current.previousHash(), current == null ? null : current.receipt(),
                verifyUrl, now, null);
    }

    /** The status, and the parcel's lineage beside it: a certificate of a retired parcel says what it went into. */
    private static String status(String label, Lineage lineage) {
        StringBuilder text = new StringBuilder(label);
        if (!lineage.wentInto().isEmpty()) {
            text.append(": went into ").append(String.join(", ", lineage.wentInto()));
        }
        if (!lineage.cameFrom().isEmpty()) {
            text.append(" (came from ").append(String.join(", ", lineage.cameFrom())).append(')');
        }
        return text.toString();
    }

    private static VersionView version(List<VersionView> chain, int version) {
        return chain.stream().filter(v -> v.version() == version).findFirst().orElse(null);
    }
}
