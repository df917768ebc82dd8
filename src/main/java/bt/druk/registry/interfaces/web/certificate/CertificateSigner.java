package bt.druk.registry.interfaces.web.certificate;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a finished certificate PDF with the issuing agency's key, as PAdES baseline B: an
 * incremental update (the signed PDF/A bytes stay as they were) adds an invisible signature field
 * whose value is a detached CMS signature ({@code ETSI.CAdES.detached}) over the whole file but the
 * signature itself, with the signer's certificate and the signing-certificate-v2 attribute that
 * binds it. The claimed signing time is the dictionary's {@code M}; PAdES forbids a CMS
 * signing-time beside it. Any PDF reader can then check the file offline.
 */
public final class CertificateSigner {

    /** Room for the CMS signature in the file: a certificate chain of a few certificates. */
    private static final int SIGNATURE_BYTES = 16_384;

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public CertificateSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The signer's certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's common name, as PDF readers show it (else the whole subject). */
    public String signerName() {
        X500Name subject = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        if (names.length > 0 && names[0].getFirst().getValue() instanceof ASN1String text) {
            return text.getString();
        }
        return subject.toString();
    }

    /** The PDF, signed at {@code when} for the given reason (shown by PDF readers). */
    public byte[] sign(byte[] pdf, String reason, Instant when) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_BYTES + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar time = GregorianCalendar.from(when.atZone(ZoneOffset.UTC));
            appearance.setSignDate(time);
            appearance.setReason(reason);

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("ETSI.CAdES.detached"));
            dictionary.setName(signerName());
            dictionary.setReason(reason);
            dictionary.setDate(new PdfDate(time));
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> room = new HashMap<>();
            room.put(PdfName.CONTENTS, SIGNATURE_BYTES * 2 + 2);
            appearance.preClose(room);

            byte[] cms;
            try (InputStream signed = appearance.getRangeStream()) {
                cms = cms(signed.readAllBytes());
            }
            if (cms.length > SIGNATURE_BYTES) {
                throw new IllegalStateException("the signature (" + cms.length + " bytes) does not fit the room kept for it");
            }
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, SIGNATURE_BYTES)).setHexWriting(true));
            appearance.close(contents);
            return out.toByteArray();
        } catch (IOException | DocumentException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("the certificate could not be signed", e);
        }
    }

    private byte[] cms(byte[] signedBytes) throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate signer = certificate();
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash))));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(signingCertificate));
        CMSAttributeTableGenerator withoutSigningTime = parameters -> defaults.getAttributes(parameters)
                .remove(CMSAttributes.signingTime);

        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(withoutSigningTime)
                .build(new JcaContentSignerBuilder(algorithm).build(key), signer));
        generator.addCertificates(new JcaCertStore(chain));
        return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded("DER");
    }
}
