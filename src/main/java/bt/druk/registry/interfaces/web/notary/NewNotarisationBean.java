package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.application.notary.NotaryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.Submissions;
import bt.druk.registry.interfaces.web.file.FileUploads;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A notary clerk registers a notarised document: type, date, parties and the file. The clerk's
 * browser hashes the file (notary-file.js, Web Crypto) and sends the hash beside the upload; the
 * file store hashes the bytes it received and {@link NotaryService#register} refuses the two
 * disagreeing, next to the file field. The notary office is the clerk's own.
 */
@Named
@ViewScoped
public class NewNotarisationBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NewNotarisationBean.class.getName());
    static final String FORM = "notarisation";

    @Inject
    transient NotaryService notary;

    @Inject
    transient FileUploads uploads;

    @Inject
    transient Clock clock;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private DocumentType documentType;
    private LocalDate notarisedOn;
    private final PartiesEditor parties = new PartiesEditor();
    private transient Part file;
    private String browserSha256;

    /** Most documents are registered the day they are notarised (Bhutan's calendar). */
    @PostConstruct
    void startToday() {
        notarisedOn = clock.instant().atZone(Notarisation.ZONE).toLocalDate();
    }

    public String save() {
        return Submissions.run(messages, FORM, () -> notary.register(currentStaff.require(),
                new Notarisation.Details(documentType, notarisedOn, parties.texts()), browserSha256, stored()),
                NewNotarisationBean::savedPage);
    }

    /** The uploaded bytes in the file store (its hash is the server's own); refusals next to the file field. */
    private StoredFile stored() {
        try {
            return uploads.store(file, "file");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "notarised file upload failed", e);
            throw ValidationException.of("file", "notary.file.upload", "The file could not be stored; choose it and save again");
        }
    }

    /** The notarisation's staff page with "saved" for version 1, which follows it to the ledger. */
    static String savedPage(SubmissionAck ack) {
        return "/clerk/notary/notarisation?faces-redirect=true&id="
                + URLEncoder.encode(RecordKey.parse(ack.recordKey()).id(), StandardCharsets.UTF_8) + "&saved=" + ack.version();
    }

    public String getOffice() {
        return currentStaff.member().map(m -> m.office()).orElse(null);
    }

    public DocumentType[] getDocumentTypes() { return DocumentType.values(); }
    public DocumentType getDocumentType() { return documentType; }
    public void setDocumentType(DocumentType documentType) { this.documentType = documentType; }
    public LocalDate getNotarisedOn() { return notarisedOn; }
    public void setNotarisedOn(LocalDate notarisedOn) { this.notarisedOn = notarisedOn; }
    public PartiesEditor getParties() { return parties; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getBrowserSha256() { return browserSha256; }
    public void setBrowserSha256(String browserSha256) { this.browserSha256 = browserSha256; }
}
