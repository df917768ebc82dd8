package bt.druk.registry.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bt.druk.registry.domain.file.FileContent;
import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store on a temp folder: what is kept, what is refused, and that a refusal leaves nothing behind. */
class FilesystemFileStoreTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    final RecordingCatalog catalog = new RecordingCatalog();

    FilesystemFileStore store(FileRules rules) {
        return new FilesystemFileStore(dir.resolve("files"), rules, catalog, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    FilesystemFileStore store() {
        return store(FileRules.defaults());
    }

    @Nested
    class Storing {

        @Test
        void aFileIsKeptUnderItsSha256InTwoLevelsOfFoldersAndDescribedAsStored() throws Exception {
            FilesystemFileStore store = store();
            StoredFile stored = store.store(new ByteArrayInputStream(PDF), "Tender notice.pdf", "notice");

            String hash = sha256(PDF);
            assertEquals(new StoredFile(hash, PDF.length, FileType.PDF, "Tender notice.pdf"), stored);
            assertEquals("application/pdf", stored.mediaType());
            Path file = dir.resolve("files").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
            assertArrayEquals(PDF, Files.readAllBytes(file));
            assertTrue(store.exists(hash));
            assertEquals(List.of(hash + " " + PDF.length + " application/pdf " + NOW), catalog.rows);
        }

        @Test
        void theSameBytesStoredTwiceUnderTwoNamesAreKeptOnce() throws Exception {
            FilesystemFileStore store = store();
            StoredFile first = store.store(new ByteArrayInputStream(PDF), "notice.pdf");
            StoredFile second = store.store(new ByteArrayInputStream(PDF), "copy of notice.pdf");

            assertEquals(first.sha256(), second.sha256());
            assertEquals("copy of notice.pdf", second.originalName());
            assertEquals(1, storedFiles().size());
            assertEquals(1, catalog.rows.size(), "the first time stored is kept");
            assertEquals(List.of(), temps());
        }

        @Test
        void aFileIsReadBackWithItsKindAndSize() throws Exception {
            FilesystemFileStore store = store();
            StoredFile stored = store.store(new ByteArrayInputStream(PNG), "site plan.png");
            try (FileContent content = store.open(stored.sha256()).orElseThrow()) {
                assertEquals(FileType.PNG, content.type());
                assertEquals(PNG.length, content.size());
                assertArrayEquals(PNG, content.content().readAllBytes());
            }
        }

        @Test
        void aHashThatIsNotStoredOrNotAHashOpensNothing() throws Exception {
            FilesystemFileStore store = store();
            assertEquals(Optional.empty(), store.open("0".repeat(64)));
            assertEquals(Optional.empty(), store.open("../../etc/passwd"));
            assertEquals(Optional.empty(), store.open("A".repeat(64)));
            assertFalse(store.exists("0".repeat(64)));
            assertFalse(store.exists(null));
        }

        @Test
        void twoStoresOfTheSameBytesAtOnceLeaveOneCatalogueRowTheLoserOfTheRaceIsFine() throws Exception {
            catalog.failNextInsertAsDuplicate = true;
            StoredFile stored = store().store(new ByteArrayInputStream(PDF), "notice.pdf");
            assertEquals(sha256(PDF), stored.sha256());
        }

        @Test
        void aTempFileLeftByACrashIsRemovedWhenTheStoreStarts() throws Exception {
            store();
            Path left = dir.resolve("files/tmp/upload-123.part");
            Files.write(left, new byte[] {1, 2, 3});
            Files.setLastModifiedTime(left, FileTime.from(NOW.minusSeconds(7200)));
            Path fresh = dir.resolve("files/tmp/upload-456.part");
            Files.write(fresh, new byte[] {1});
            Files.setLastModifiedTime(fresh, FileTime.from(NOW.minusSeconds(60)));

            store();
            assertFalse(Files.exists(left));
            assertTrue(Files.exists(fresh), "an upload of a second portal sharing the folder may still be running");
        }
    }

    @Nested
    class Refusing {

        @Test
        void aFileOverTheLimitIsRefusedWithItsRealSizeAndLeavesNothing() throws Exception {
            FilesystemFileStore store = store();
            long size = Math.round(31.2 * 1024 * 1024);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> store.store(pdfOfSize(size), "drawings.pdf", "tenderDocument"));
            assertEquals("tenderDocument", e.errors().get(0).field());
            assertEquals("The file is 31.2 MB; the limit is 20 MB.", e.errors().get(0).message());
            assertNothingKept();
        }

        @Test
        void aFileFarOverTheLimitIsNotReadToItsEnd() throws Exception {
            FilesystemFileStore store = store(new FileRules(100 * 1024, FileRules.DEFAULT_TYPES));
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return 'x';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                    return len;
                }
            };
            ValidationException e = assertThrows(ValidationException.class, () -> store.store(endless, "a.pdf"));
            assertEquals("The file is more than 800 KB; the limit is 100 KB.", e.errors().get(0).message());
            assertNothingKept();
        }

        @Test
        void aFileOfExactlyTheLimitIsKept() throws Exception {
            FilesystemFileStore store = store(new FileRules(4096, FileRules.DEFAULT_TYPES));
            assertEquals(4096, store.store(pdfOfSize(4096), "a.pdf").size());
        }

        @Test
        void anEmptyFileIsRefused() throws Exception {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> store().store(new ByteArrayInputStream(new byte[0]), "empty.pdf"));
            assertEquals("file.empty", e.errors().get(0).code());
            assertNothingKept();
        }

        @Test
        void anUploadThatBreaksOffLeavesNothing() throws Exception {
            FilesystemFileStore store = store();
            InputStream breaking = new InputStream() {
                private int sent;

                @Override
                public int read() throws IOException {
                    if (sent == PDF.length) {
                        throw new IOException("connection reset");
                    }
                    return PDF[sent++];
                }
            };
            assertThrows(IOException.class, () -> store.store(breaking, "notice.pdf"));
            assertNothingKept();
        }

        @Test
        void aRefusedKindLeavesNothing() throws Exception {
            FilesystemFileStore store = store();
            assertThrows(ValidationException.class, () -> store.store(new ByteArrayInputStream(bytes("MZ\u0090\u0000program")), "bid.pdf"));
            assertNothingKept();
        }
    }

    @Nested
    class DecidingTheKindFromTheBytes {

        FileType kept(byte[] bytes, String name) throws IOException {
            FileRules everything = new FileRules(FileRules.DEFAULT_MAX_BYTES, EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG,
                    FileType.GIF, FileType.TIFF, FileType.WEBP, FileType.HEIC, FileType.DOCX, FileType.XLSX, FileType.PPTX,
                    FileType.ODT, FileType.ODS, FileType.ODP, FileType.TEXT));
            return store(everything).store(new ByteArrayInputStream(bytes), name).type();
        }

        String refusal(byte[] bytes, String name) {
            return assertThrows(ValidationException.class, () -> store().store(new ByteArrayInputStream(bytes), name))
                    .errors().get(0).message();
        }

        @Test
        void theNameAndTheBrowsersContentTypeDecideNothing() throws Exception {
            assertEquals(FileType.PNG, kept(PNG, "scan.pdf"));
            assertEquals(FileType.PDF, kept(PDF, "notice"));
            assertTrue(refusal(bytes("<!DOCTYPE html><script>alert(1)</script>"), "notice.pdf")
                    .endsWith("this file looks like a web page (HTML) (although its name ends in .pdf)."));
        }

        @Test
        void imagesAreKnownByTheirSignatures() throws Exception {
            assertEquals(FileType.JPEG, kept(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}, "a.jpg"));
            assertEquals(FileType.GIF, kept(bytes("GIF89a\u0001\u0000\u0001\u0000"), "a.gif"));
            assertEquals(FileType.TIFF, kept(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, "a.tif"));
            assertEquals(FileType.WEBP, kept(bytes("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "), "a.webp"));
            assertEquals(FileType.HEIC, kept(bytes("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000"), "a.heic"));
        }

        @Test
        void officeDocumentsAreToldApartByWhatTheirZipSays() throws Exception {
            assertEquals(FileType.DOCX, kept(ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    "word/document.xml"), "bid.docx"));
            assertEquals(FileType.XLSX, kept(ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    "xl/workbook.xml"), "boq.xlsx"));
            assertEquals(FileType.PPTX, kept(ooxml("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                    "ppt/presentation.xml"), "a.pptx"));
            assertEquals(FileType.ODT, kept(odf("application/vnd.oasis.opendocument.text"), "a.odt"));
            assertEquals(FileType.ODS, kept(odf("application/vnd.oasis.opendocument.spreadsheet"), "a.ods"));
            assertEquals(FileType.ODP, kept(odf("application/vnd.oasis.opendocument.presentation"), "a.odp"));
        }

        @Test
        void archivesMacrosAndOldOfficeFilesAreRefusedByName() throws Exception {
            assertTrue(refusal(zip(Map.of("bid.pdf", PDF)), "bid.docx").endsWith("looks like a ZIP archive (although its name ends in .docx)."));
            assertTrue(refusal(ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml"), "bid.docx")
                    .contains("looks like an Office document with macros"));
            assertTrue(refusal(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0}, "bid.doc")
                    .contains("looks like a Word, Excel or PowerPoint 97-2003 document"));
            assertTrue(refusal(new byte[] {0x1F, (byte) 0x8B, 8, 0}, "a.pdf").contains("a gzip archive"));
            assertTrue(refusal(bytes("Rar!\u001A\u0007\u0000"), "a.pdf").contains("a RAR archive"));
            assertTrue(refusal(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "broken.docx").contains("a ZIP archive"));
        }

        @Test
        void programsScriptsAndPagesAreRefusedByName() throws Exception {
            assertTrue(refusal(bytes("MZ\u0090\u0000"), "bid.pdf").contains("a program or script"));
            assertTrue(refusal(new byte[] {0x7F, 'E', 'L', 'F', 2}, "bid.pdf").contains("a program or script"));
            assertTrue(refusal(bytes("#!/bin/sh\nrm -rf /\n"), "bid.pdf").contains("a program or script"));
            assertTrue(refusal(bytes("\uFEFF  <html><body>x</body></html>"), "bid.pdf").contains("a web page (HTML)"));
            assertTrue(refusal(bytes("<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>"), "a.png").contains("an SVG drawing"));
            assertTrue(refusal(bytes("{\\rtf1 hello}"), "a.doc").contains("an RTF document"));
        }

        @Test
        void textIsRefusedByDefaultAndKeptWhenConfiguredUnlessItHidesBinaryFurtherOn() throws Exception {
            byte[] text = bytes("Bill of quantities\r\nItem 1\tCement\t50 bags\nཀུན་ལེགས་\n");
            assertTrue(refusal(text, "boq.txt").endsWith("this file looks like plain text."));
            assertEquals(FileType.TEXT, kept(text, "boq.txt"));

            byte[] binaryLater = new byte[20000];
            java.util.Arrays.fill(binaryLater, (byte) 'a');
            binaryLater[15000] = 0;
            assertTrue(assertThrows(ValidationException.class, () -> store(new FileRules(FileRules.DEFAULT_MAX_BYTES,
                    EnumSet.of(FileType.TEXT))).store(new ByteArrayInputStream(binaryLater), "a.txt")).getMessage()
                    .contains("a file of a kind we do not recognise"));
        }

        @Test
        void multiByteCharactersAcrossReadBuffersAreStillText() throws Exception {
            StringBuilder dzongkha = new StringBuilder();
            while (dzongkha.length() < 70000) {
                dzongkha.append("འབྲུག་ ");
            }
            assertEquals(FileType.TEXT, kept(bytes(dzongkha.toString()), "a.txt"));
        }
    }

    @Nested
    class Permissions {

        @Test
        void filesAreReadableOnlyByThePortalsUserAndSoAreTheirFolders() throws Exception {
            assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
            FilesystemFileStore store = store();
            String hash = store.store(new ByteArrayInputStream(PDF), "notice.pdf").sha256();
            Path file = store.pathOf(hash);

            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            for (Path folder : List.of(file.getParent(), file.getParent().getParent(), store.root(), store.root().resolve("tmp"))) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
            }
        }
    }

    private void assertNothingKept() throws IOException {
        assertEquals(List.of(), storedFiles());
        assertEquals(List.of(), temps());
        assertEquals(List.of(), catalog.rows);
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("files"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp")).toList();
        }
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("files/tmp"))) {
            return files.toList();
        }
    }

    /** A PDF header followed by spaces, produced as it is read (no 31 MB array). */
    static InputStream pdfOfSize(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = position < PDF.length ? PDF[(int) position] : ' ';
                position++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ooxml(String mainContentType, String mainPart) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("[Content_Types].xml", bytes("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainContentType + "\"/></Types>"));
        entries.put(mainPart, bytes("<x/>"));
        return zip(entries);
    }

    static byte[] odf(String mimetype) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("mimetype", bytes(mimetype));
        entries.put("content.xml", bytes("<x/>"));
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The catalogue as a list of rows; can play the loser of a race for one primary key. */
    static final class RecordingCatalog implements FileCatalog {
        final List<String> rows = new ArrayList<>();
        boolean failNextInsertAsDuplicate;

        @Override
        public void recordStored(String sha256, long size, String mediaType, Instant storedAt) {
            if (failNextInsertAsDuplicate) {
                failNextInsertAsDuplicate = false;
                rows.add(sha256 + " " + size + " " + mediaType + " " + storedAt);
                throw new IllegalStateException("duplicate key: the other store's row was committed first");
            }
            if (!contains(sha256)) {
                rows.add(sha256 + " " + size + " " + mediaType + " " + storedAt);
            }
        }

        @Override
        public boolean contains(String sha256) {
            return rows.stream().anyMatch(row -> row.startsWith(sha256 + " "));
        }
    }
}
