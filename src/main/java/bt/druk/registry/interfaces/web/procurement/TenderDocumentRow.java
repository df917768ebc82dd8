package bt.druk.registry.interfaces.web.procurement;

import java.io.Serializable;

/** A tender document already in the file store, with the title and type the clerk gives it. */
public class TenderDocumentRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String title;
    private String documentType;
    private final String fileName;
    private final String mediaType;
    private final long size;
    private final String sha256;

    public TenderDocumentRow(String title, String documentType, String fileName, String mediaType, long size, String sha256) {
        this.title = title;
        this.documentType = documentType;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDocumentType() { return documentType; }
    public void setDocumentType(String documentType) { this.documentType = documentType; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
}
