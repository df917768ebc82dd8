package bt.druk.registry.interfaces.web.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Reads a certificate PDF the way a person would: its text, the QR code on its first page, and who
 * signed it (checked with PDFBox and Bouncy Castle, not the OpenPDF that signed it).
 */
public final class PdfProbe {

    private PdfProbe() {
    }

    public static boolean isPdf(byte[] bytes) {
        return bytes != null && bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** Renders page 1 at 200 dpi and decodes the QR code on it. */
    public static String qrText(byte[] pdf) throws IOException, NotFoundException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        try {
            Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return result.getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw NotFoundException.getNotFoundInstance();
        }
    }

    /**
     * The common name of the one signature on the PDF, after checking that it covers the whole
     * file (ETSI.CAdES.detached) and that its CMS verifies against the certificate it carries.
     */
    public static String signer(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.size() != 1) {
                throw new AssertionError("one signature expected, found " + signatures.size());
            }
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            if (!"ETSI.CAdES.detached".equals(signature.getSubFilter()) || range[0] != 0 || range[2] + range[3] != pdf.length) {
                throw new AssertionError("not a PAdES signature of the whole file: " + signature.getSubFilter() + " " + Arrays.toString(range));
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(info.getSID()).iterator().next();
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                throw new AssertionError("the signature does not verify");
            }
            return ((ASN1String) holder.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()).getString();
        }
    }
}
