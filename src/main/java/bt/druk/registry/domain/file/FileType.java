package bt.druk.registry.domain.file;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file's bytes say it is (never its name or the browser's content type). The first group can
 * be accepted by configuration; the rest are recognised only so that a refusal can say what the
 * file looks like ("a ZIP archive", "a program"), and can never be accepted: they can run code in a
 * browser or on a clerk's computer, or hide anything inside.
 */
public enum FileType {

    PDF("pdf", "application/pdf", "PDF", "a PDF document", true, "pdf"),
    PNG("png", "image/png", "PNG", "a PNG image", true, "png"),
    JPEG("jpeg", "image/jpeg", "JPEG", "a JPEG image", true, "jpg", "jpeg"),
    GIF("gif", "image/gif", "GIF", "a GIF image", true, "gif"),
    TIFF("tiff", "image/tiff", "TIFF", "a TIFF image", true, "tif", "tiff"),
    WEBP("webp", "image/webp", "WebP", "a WebP image", true, "webp"),
    HEIC("heic", "image/heic", "HEIC", "a HEIC photo (as taken by some phones)", true, "heic"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word (.docx)", "a Word document (.docx)", true, "docx"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel (.xlsx)", "an Excel workbook (.xlsx)", true, "xlsx"),
    PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)", true, "pptx"),
    ODT("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text (.odt)",
            "an OpenDocument text (.odt)", true, "odt"),
    ODS("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet (.ods)",
            "an OpenDocument spreadsheet (.ods)", true, "ods"),
    ODP("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument presentation (.odp)",
            "an OpenDocument presentation (.odp)", true, "odp"),
    /** UTF-8 text without control characters; served as {@code text/plain; charset=UTF-8}. */
    TEXT("txt", "text/plain; charset=UTF-8", "plain text", "plain text", true, "txt"),

    OFFICE_97("", "application/x-ole-storage", "", "a Word, Excel or PowerPoint 97-2003 document (.doc, .xls, .ppt)", false, "doc"),
    OFFICE_MACROS("", "application/octet-stream", "", "an Office document with macros", false, "bin"),
    RTF("", "application/rtf", "", "an RTF document", false, "rtf"),
    ZIP("", "application/zip", "", "a ZIP archive", false, "zip"),
    RAR("", "application/vnd.rar", "", "a RAR archive", false, "rar"),
    SEVEN_ZIP("", "application/x-7z-compressed", "", "a 7-Zip archive", false, "7z"),
    GZIP("", "application/gzip", "", "a gzip archive", false, "gz"),
    VIDEO("", "video/mp4", "", "a video", false, "mp4"),
    HTML("", "text/html", "", "a web page (HTML)", false, "html"),
    SVG("", "image/svg+xml", "", "an SVG drawing", false, "svg"),
    XML("", "application/xml", "", "an XML file", false, "xml"),
    PROGRAM("", "application/octet-stream", "", "a program or script", false, "bin"),
    UNKNOWN("", "application/octet-stream", "", "a file of a kind we do not recognise", false, "bin");

    private final String settingName;
    private final String mediaType;
    private final String label;
    private final String looksLike;
    private final boolean acceptable;
    private final List<String> extensions;

    FileType(String settingName, String mediaType, String label, String looksLike, boolean acceptable, String... extensions) {
        this.settingName = settingName;
        this.mediaType = mediaType;
        this.label = label;
        this.looksLike = looksLike;
        this.acceptable = acceptable;
        this.extensions = List.of(extensions);
    }

    /** Its name in the {@code druk.files.types} setting, e.g. {@code pdf}; empty for kinds that are never accepted. */
    public String settingName() {
        return settingName;
    }

    /** Content type to serve it with. */
    public String mediaType() {
        return mediaType;
    }

    /** How the list of accepted kinds names it, e.g. "Word (.docx)". */
    public String label() {
        return label;
    }

    /** How a refusal describes it: "this file looks like …". */
    public String looksLike() {
        return looksLike;
    }

    /** Whether configuration may accept it. */
    public boolean acceptable() {
        return acceptable;
    }

    /** File name extensions, lower case, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** An acceptable kind by its setting name ({@code jpg} and {@code text} are understood too). */
    public static Optional<FileType> bySettingName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("jpg")) {
            n = "jpeg";
        } else if (n.equals("text")) {
            n = "txt";
        } else if (n.equals("tif")) {
            n = "tiff";
        }
        for (FileType type : values()) {
            if (type.acceptable && type.settingName.equals(n)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
