package bt.druk.registry.domain.file;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FileRulesTest {

    private final FileRules pdfPngJpeg = new FileRules(20L * 1024 * 1024, EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG));

    @Test
    void sizesAreWrittenAsAClerkReadsThem() {
        assertEquals("1 byte", FileRules.sizeText(1));
        assertEquals("900 bytes", FileRules.sizeText(900));
        assertEquals("12.5 KB", FileRules.sizeText(12800));
        assertEquals("20 MB", FileRules.sizeText(20L * 1024 * 1024));
        assertEquals("31.2 MB", FileRules.sizeText(Math.round(31.2 * 1024 * 1024)));
        assertEquals("1.5 GB", FileRules.sizeText(3L * 512 * 1024 * 1024));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeAndTheLimit() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> pdfPngJpeg.checkSize(Math.round(31.2 * 1024 * 1024), false, "tenderDocument"));
        assertEquals(new FieldError("tenderDocument", "file.tooLarge", "The file is 31.2 MB; the limit is 20 MB."), e.errors().get(0));
        assertDoesNotThrow(() -> pdfPngJpeg.checkSize(20L * 1024 * 1024, false, "f"));
    }

    @Test
    void anEmptyFileIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> pdfPngJpeg.checkSize(0, false, "file"));
        assertEquals("file.empty", e.errors().get(0).code());
        assertEquals("The file is empty (0 bytes); choose the document again.", e.errors().get(0).message());
    }

    @Test
    void aKindNotAcceptedIsRefusedSayingWhatTheFileLooksLikeAndThatItsNameMisleads() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> pdfPngJpeg.checkType(FileType.OFFICE_97, "bid.pdf", "bid"));
        assertEquals("Only PDF, PNG or JPEG files are accepted; this file looks like a Word, Excel or PowerPoint 97-2003 document"
                + " (.doc, .xls, .ppt) (although its name ends in .pdf).", e.errors().get(0).message());
        assertEquals("file.type", e.errors().get(0).code());
        ValidationException named = assertThrows(ValidationException.class, () -> pdfPngJpeg.checkType(FileType.ZIP, "bid.zip", "bid"));
        assertEquals("Only PDF, PNG or JPEG files are accepted; this file looks like a ZIP archive.", named.errors().get(0).message());
    }

    @Test
    void theDefaultsAcceptDocumentsAndScansAndSayWhichInOneSentence() {
        FileRules defaults = FileRules.defaults();
        assertEquals(20L * 1024 * 1024, defaults.maxBytes());
        assertEquals("PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument text (.odt) or OpenDocument spreadsheet (.ods)",
                defaults.acceptedText());
        assertEquals(".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods", defaults.acceptAttribute());
    }

    @Test
    void kindsThatCanRunCodeCanNeverBeAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new FileRules(1, EnumSet.of(FileType.PDF, FileType.HTML)));
        assertEquals(java.util.Optional.empty(), FileType.bySettingName("html"));
        assertEquals(java.util.Optional.of(FileType.JPEG), FileType.bySettingName(" JPG "));
    }

    @Test
    void aDeclaredNameKeepsOnlyWhatIsSafeToShow() {
        assertEquals("tender.pdf", StoredFile.cleanName("C:\\fakepath\\tender.pdf"));
        assertEquals("tender.pdf", StoredFile.cleanName("../../etc/tender.pdf"));
        assertEquals("invoicegpj.exe", StoredFile.cleanName("invoice\u202Egpj.exe"));
        assertEquals("ས་ཁྲ་.pdf", StoredFile.cleanName(" ས་ཁྲ་.pdf\n"));
        assertEquals("file", StoredFile.cleanName(".."));
        assertEquals("file", StoredFile.cleanName(null));
        assertEquals(255, StoredFile.cleanName("a".repeat(300)).length());
    }
}
