package bt.druk.registry.interfaces.web.file;

import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.primefaces.model.file.UploadedFile;

/**
 * Takes a file a page received into the file store. A bean binds {@code p:fileUpload} to an
 * {@link UploadedFile} (or reads a {@link Part}), calls {@link #store(UploadedFile, String)} with the
 * field's id, and shows a {@link ValidationException} with {@code Messages.show(e, formId)} next to
 * the upload. Pages read the limits as {@code #{fileUploads.accept}} and
 * {@code #{fileUploads.limitText}}.
 *
 * <p>What the browser says (content type, file name extension) decides nothing: the store sniffs the
 * bytes. The Faces servlet needs a {@code multipart-config} in web.xml for uploads to arrive.
 */
@Named("fileUploads")
@ApplicationScoped
public class FileUploads {

    private FileStore files;

    protected FileUploads() {
    }

    @Inject
    public FileUploads(FileStore files) {
        this.files = files;
    }

    /**
     * Stores a PrimeFaces upload.
     *
     * @throws ValidationException no file was chosen, or the store refused it (field {@code field})
     */
    public StoredFile store(UploadedFile upload, String field) throws IOException {
        if (upload == null || (upload.getSize() <= 0 && isBlank(upload.getFileName()))) {
            throw nothingChosen(field);
        }
        try (InputStream in = upload.getInputStream()) {
            return files.store(in, upload.getFileName(), field);
        }
    }

    /**
     * Stores a servlet part (e.g. from {@code h:inputFile} or a plain multipart form).
     *
     * @throws ValidationException no file was chosen, or the store refused it (field {@code field})
     */
    public StoredFile store(Part part, String field) throws IOException {
        if (part == null || (part.getSize() <= 0 && isBlank(part.getSubmittedFileName()))) {
            throw nothingChosen(field);
        }
        try (InputStream in = part.getInputStream()) {
            return files.store(in, part.getSubmittedFileName(), field);
        }
    }

    /** For a file input's {@code accept} attribute: ".pdf,.png,.jpg,.jpeg,…" (a hint to the browser's dialog only). */
    public String getAccept() {
        return files.rules().acceptAttribute();
    }

    /** The size limit in bytes, e.g. for {@code p:validateFile sizeLimit}. */
    public long getMaxBytes() {
        return files.rules().maxBytes();
    }

    /** A hint for the page: "PDF, PNG or JPEG, up to 20 MB". */
    public String getLimitText() {
        FileRules rules = files.rules();
        return rules.acceptedText() + ", up to " + FileRules.sizeText(rules.maxBytes());
    }

    private static ValidationException nothingChosen(String field) {
        return ValidationException.of(field, "file.missing", "Choose a file to upload.");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
