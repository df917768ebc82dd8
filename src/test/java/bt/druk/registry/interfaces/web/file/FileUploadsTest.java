package bt.druk.registry.interfaces.web.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.files.FileCatalog;
import bt.druk.registry.infrastructure.files.FilesystemFileStore;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUploadsTest {

    @TempDir
    Path dir;

    FileUploads uploads() {
        FileCatalog noCatalog = new FileCatalog() {
            @Override
            public void recordStored(String sha256, long size, String mediaType, Instant storedAt) {
            }

            @Override
            public boolean contains(String sha256) {
                return true;
            }
        };
        return new FileUploads(new FilesystemFileStore(dir, FileRules.defaults(), noCatalog, Clock.systemUTC()));
    }

    @Test
    void aPartIsStoredUnderTheNameTheBrowserGaveWhateverContentTypeItClaims() throws Exception {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        StoredFile stored = uploads().store(part("C:\\fakepath\\Bid form.pdf", "image/png", pdf), "bidForm");
        assertEquals("Bid form.pdf", stored.originalName());
        assertEquals("application/pdf", stored.mediaType());
    }

    @Test
    void noFileChosenIsAskedForOnTheField() {
        ValidationException none = assertThrows(ValidationException.class, () -> uploads().store((Part) null, "bidForm"));
        assertEquals("bidForm", none.errors().get(0).field());
        assertEquals("Choose a file to upload.", none.errors().get(0).message());
        assertThrows(ValidationException.class, () -> uploads().store(part("", "application/octet-stream", new byte[0]), "bidForm"));
        assertEquals("file.empty", assertThrows(ValidationException.class,
                () -> uploads().store(part("empty.pdf", "application/pdf", new byte[0]), "bidForm")).errors().get(0).code());
    }

    @Test
    void pagesGetTheLimitsToShow() {
        assertEquals(".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods", uploads().getAccept());
        assertEquals("PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument text (.odt) or OpenDocument spreadsheet (.ods), up to 20 MB",
                uploads().getLimitText());
    }

    private static Part part(String submittedName, String contentType, byte[] bytes) {
        return (Part) Proxy.newProxyInstance(FileUploadsTest.class.getClassLoader(), new Class<?>[] {Part.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSubmittedFileName" -> submittedName;
                    case "getContentType" -> contentType;
                    case "getSize" -> (long) bytes.length;
                    case "getInputStream" -> new ByteArrayInputStream(bytes);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
