package bt.druk.registry.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifier is trusted because it is small and stands apart: it may use the domain's proof, Merkle,
 * sealed-envelope and JSON classes and fabric-gateway, never the portal's application, infrastructure
 * or web layers (druk-verify.jar holds only the classes listed in src/verifier/assembly.xml).
 */
class VerifierSourcesTest {

    static final List<String> ALLOWED = List.of(
            "java.", "jakarta.json.", "com.google.protobuf.", "io.grpc.", "org.hyperledger.fabric.",
            "bt.druk.registry.verifier",
            "bt.druk.registry.domain.record.ProofReceipt", "bt.druk.registry.domain.record.CanonicalJson",
            "bt.druk.registry.domain.notary.merkle.", "bt.druk.registry.domain.shared.ValidationException",
            "bt.druk.registry.domain.shared.FieldError", "bt.druk.registry.domain.shared.RecordKind",
            "bt.druk.registry.domain.procurement.sealed.");
    /** Imports, and the project's classes however they are named (a fully qualified name needs no import). */
    static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)|\\b(bt\\.druk\\.registry\\.[\\w.]+)");

    /** What the sealed-envelope classes, which travel whole in the jar, may use: the JDK and the classes beside them there. */
    static final List<String> SEALED_ALLOWED = List.of("java.", "javax.crypto.", "jakarta.json.",
            "bt.druk.registry.domain.procurement.sealed", "bt.druk.registry.domain.record.CanonicalJson",
            "bt.druk.registry.domain.shared.ValidationException", "bt.druk.registry.domain.shared.FieldError",
            "bt.druk.registry.domain.shared.JsonProviders");

    @Test
    void importOnlyTheDomainClassesThatTravelInTheJar() throws IOException {
        assertEquals(List.of(), refused("src/verifier/java", ALLOWED, 5));
    }

    @Test
    void theSealedEnvelopeCodeOpenTenderReusesNeedsNothingElseOfThePortal() throws IOException {
        assertEquals(List.of(), refused("src/main/java/bt/druk/registry/domain/procurement/sealed", SEALED_ALLOWED, 10));
    }

    private static List<String> refused(String folder, List<String> allowed, int atLeast) throws IOException {
        Path sources = Path.of(System.getProperty("druk.project.dir", "."), folder);
        List<String> refused = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(sources)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (allowed.stream().noneMatch(name::startsWith)) {
                        refused.add(file.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertTrue(files >= atLeast, "sources found under " + sources.toAbsolutePath());
        return refused;
    }
}
