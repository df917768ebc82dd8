package bt.druk.registry.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.interfaces.web.security.SecurityConfiguration;
import bt.druk.registry.testing.ApplicationClasses;
import bt.druk.registry.testing.PortalHarness;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every register in the catalogue ({@link Register}, {@link RecordKind}) has all its parts: its
 * names in both languages, its pages and their guard for its clerks, a projection for each kind of
 * record, the same codes and organisations in the chaincode, and a peer in the network scripts. A register added without one
 * fails here, naming the register and the part (docs/adding-a-register.md lists the steps).
 */
class RegisterCatalogueTest {

    private static final Path BUNDLES = Path.of("src/main/resources/bt/druk/registry/interfaces/web");
    private static final Path WEBAPP = Path.of("webapp");
    private static final Path CHAINCODE = Path.of("chaincode/src/main/java/bt/druk/registry/chaincode");
    private static final Path NETWORK_SCRIPT = Path.of("deploy/network.sh");

    @Nested
    class Labels {

        @ParameterizedTest
        @ValueSource(strings = {"messages.properties", "messages_dz.properties"})
        void everyRegisterItsOrganisationAndItsMenuEntriesAreNamedInTheBundle(String bundle) throws IOException {
            Properties messages = load(BUNDLES.resolve(bundle));
            for (Register register : Register.values()) {
                assertNamed(messages, bundle, register, register.labelKey());
                // Labels.organisation names an MSP by the key org.<MSP id>.
                assertNamed(messages, bundle, register, "org." + register.issuingMspId());
                for (Register.Page page : pagesOf(register)) {
                    assertNamed(messages, bundle, register, page.labelKey());
                }
            }
            assertTrue(messages.containsKey("org." + Register.AUDIT_MSP), bundle + " lacks org." + Register.AUDIT_MSP);
        }

        private static void assertNamed(Properties messages, String bundle, Register register, String key) {
            assertTrue(messages.containsKey(key), register + ": " + bundle + " lacks " + key);
        }
    }

    @Nested
    class Pages {

        @Test
        void everyRegisterGivesItsClerksSomethingToCreate() {
            for (Register register : Register.values()) {
                assertFalse(register.clerkActions().isEmpty(), register + " has no clerk action");
            }
        }

        @Test
        void everyMenuEntryIsAViewOfTheWebapp() {
            for (Register register : Register.values()) {
                for (Register.Page page : pagesOf(register)) {
                    assertView(register, page.path());
                }
            }
        }

        @Test
        void everyRegisterShowsItsRecordsOnPagesOfTheWebapp() {
            for (Register register : Register.values()) {
                List<RecordKind.Pages> pages = register.kinds().stream().flatMap(kind -> kind.pages().stream()).toList();
                assertFalse(pages.isEmpty(), register + " has no page that shows one of its records");
                for (RecordKind.Pages page : pages) {
                    assertView(register, page.publicPath());
                    assertView(register, page.staffPath());
                    assertFalse(page.parameter().isBlank(), register + ": " + page.publicPath() + " has no parameter");
                }
            }
        }

        @Test
        void everyRegistersClerkPagesAreForItsOwnClerks() throws IOException {
            String webXml = Files.readString(WEBAPP.resolve("WEB-INF/web.xml"));
            Set<String> declared = Set.of(SecurityConfiguration.class.getAnnotation(DeclareRoles.class).value());
            for (Register register : Register.values()) {
                String clerks = "clerk-" + register.code();
                String folder = "/clerk/" + register.code() + "/";
                Pattern guard = Pattern.compile("<url-pattern>" + Pattern.quote(folder + "*") + "</url-pattern>\\s*"
                        + "</web-resource-collection>\\s*<auth-constraint>\\s*<role-name>" + clerks + "</role-name>");
                assertTrue(guard.matcher(webXml).find(), register + ": web.xml does not keep " + folder + "* for " + clerks);
                assertTrue(webXml.contains("<security-role><role-name>" + clerks + "</role-name></security-role>"),
                        register + ": web.xml declares no security role " + clerks);
                assertTrue(declared.contains(clerks), register + ": SecurityConfiguration does not declare " + clerks);
                for (Register.Page action : register.clerkActions()) {
                    assertTrue(action.path().startsWith(folder), register + ": " + action.path() + " is not under " + folder);
                }
            }
        }

        private static void assertView(Register register, String path) {
            assertTrue(Files.isRegularFile(WEBAPP.resolve(path.substring(1))), register + ": no view " + path + " in webapp/");
        }
    }

    @Nested
    class Kinds {

        @Test
        void everyRegisterKeepsAKindOfRecordAndNoTwoKindsShareACode() {
            for (Register register : Register.values()) {
                assertFalse(register.kinds().isEmpty(), register + " keeps no kind of record");
            }
            Set<String> codes = Arrays.stream(RecordKind.values()).map(RecordKind::code).collect(Collectors.toSet());
            assertEquals(RecordKind.values().length, codes.size(), "two kinds share a code");
        }
    }

    @Nested
    class Projections {

        final PortalHarness h = new PortalHarness();

        @Test
        void everyKindHasOneProjectionInItsRegistersApplicationPackage() {
            for (RecordKind kind : RecordKind.values()) {
                List<RecordProjection> projections = h.projections.stream().filter(p -> p.kind().equals(kind.code())).toList();
                assertEquals(1, projections.size(), kind + " (" + kind.register() + ") has " + projections.size()
                        + " projections, wants one");
                assertEquals("bt.druk.registry.application." + kind.register().code(),
                        projections.get(0).getClass().getPackageName(), kind + "'s projection");
            }
            for (RecordProjection projection : h.projections) {
                assertTrue(RecordKind.fromCode(projection.kind()).isPresent(),
                        projection.getClass().getName() + " projects " + projection.kind() + ", which the catalogue lacks");
            }
        }

        @Test
        void everyProjectionInTheCodeIsACdiBeanAndTheHarnessWiresThemAll() {
            Set<Class<?>> inCode = applicationProjections();
            for (Class<?> projection : inCode) {
                assertTrue(projection.isAnnotationPresent(ApplicationScoped.class), projection.getName() + " is not found by CDI");
            }
            assertEquals(inCode, h.projections.stream().map(Object::getClass).collect(Collectors.toSet()));
        }

        /** The concrete {@link RecordProjection} classes of src/main's application layer (interfaces' caches are not a register's). */
        private static Set<Class<?>> applicationProjections() {
            return ApplicationClasses.implementing(RecordProjection.class);
        }
    }

    @Nested
    class Chaincode {

        private static final Pattern REGISTER = Pattern.compile("^\\s+([A-Z_]+)\\(\"([a-z-]+)\",\\s*\"(\\w+)\"\\)", Pattern.MULTILINE);
        private static final Pattern KIND = Pattern.compile("^\\s+([A-Z_]+)\\(\"([a-z-]+)\",\\s*Register\\.([A-Z_]+)\\)",
                Pattern.MULTILINE);
        private static final Pattern AUDIT = Pattern.compile("AUDIT_MSP = \"(\\w+)\"");

        @Test
        void theChaincodeKeepsTheSameRegistersIssuedByTheSameOrganisations() throws IOException {
            String source = Files.readString(CHAINCODE.resolve("Register.java"));
            Map<String, String> chaincode = new TreeMap<>();
            for (Matcher m = REGISTER.matcher(source); m.find(); ) {
                chaincode.put(m.group(1), m.group(2) + " " + m.group(3));
            }
            Map<String, String> portal = new TreeMap<>();
            for (Register register : Register.values()) {
                portal.put(register.name(), register.code() + " " + register.issuingMspId());
            }
            assertEquals(portal, chaincode, "registers: code and issuing MSP");
            Matcher audit = AUDIT.matcher(source);
            assertTrue(audit.find(), "the chaincode's Register has no AUDIT_MSP");
            assertEquals(Register.AUDIT_MSP, audit.group(1));
        }

        @Test
        void theChaincodeKeepsTheSameKindsInTheSameRegisters() throws IOException {
            Map<String, String> chaincode = new TreeMap<>();
            for (Matcher m = KIND.matcher(Files.readString(CHAINCODE.resolve("Kind.java"))); m.find(); ) {
                chaincode.put(m.group(2), m.group(3));
            }
            Map<String, String> portal = new TreeMap<>();
            for (RecordKind kind : RecordKind.values()) {
                portal.put(kind.code(), kind.register().name());
            }
            assertEquals(portal, chaincode, "kinds of record: code and register");
        }
    }

    @Nested
    class Database {

        private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
        private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
        private static final Pattern CLERK_REGISTERS = Pattern.compile(
                "ck_staff_account_register.*?register_code IN \\(([^)]*)\\)", Pattern.DOTALL);

        @Test
        void theLatestCheckOnAClerksRegisterAdmitsEveryRegister() throws IOException {
            Path latest = null;
            int latestVersion = -1;
            try (var files = Files.walk(MIGRATIONS)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher version = VERSION.matcher(file.getFileName().toString());
                    if (version.matches() && Files.readString(file).contains("ck_staff_account_register")
                            && Integer.parseInt(version.group(1)) > latestVersion) {
                        latestVersion = Integer.parseInt(version.group(1));
                        latest = file;
                    }
                }
            }
            assertTrue(latest != null, "no migration defines ck_staff_account_register");
            Matcher check = CLERK_REGISTERS.matcher(Files.readString(latest));
            assertTrue(check.find(), latest + ": no register_code IN (...) in ck_staff_account_register");
            Set<String> admitted = new TreeSet<>();
            for (String quoted : check.group(1).split(",")) {
                admitted.add(quoted.strip().replace("'", ""));
            }
            Set<String> catalogue = new TreeSet<>();
            for (Register register : Register.values()) {
                catalogue.add(register.code());
            }
            assertEquals(catalogue, admitted, latest + ": the registers a clerk may belong to");
        }
    }

    @Nested
    class Network {

        @Test
        void everyRegistersOrganisationRunsAPeerWithTheCataloguesMspId() throws IOException {
            String script = Files.readString(NETWORK_SCRIPT);
            Map<String, String> mspOfOrg = bashMap(script, "MSP");
            Map<String, String> orgOfRegister = bashMap(script, "REGISTER_ORG");
            Map<String, String> scriptMsps = new TreeMap<>();
            orgOfRegister.forEach((register, org) -> scriptMsps.put(register, mspOfOrg.get(org)));
            Map<String, String> catalogue = new TreeMap<>();
            for (Register register : Register.values()) {
                catalogue.put(register.code(), register.issuingMspId());
            }
            assertEquals(catalogue, scriptMsps, "network.sh: each register's organisation's MSP id (REGISTER_ORG, MSP)");
            // The endorsement policy pairs each register's organisation with audit's.
            assertEquals(Register.AUDIT_MSP, mspOfOrg.get("audit"), "network.sh MSP[audit]");
            Set<String> wanted = new HashSet<>(orgOfRegister.values());
            wanted.add("audit");
            assertEquals(wanted, Set.of(bashArray(script, "PEER_ORGS").split("\\s+")), "network.sh PEER_ORGS: the registers' and audit");
        }

        /** The {@code [key]=value} pairs of {@code declare -A name=( … )}. */
        private static Map<String, String> bashMap(String script, String name) {
            Map<String, String> map = new TreeMap<>();
            for (Matcher m = Pattern.compile("\\[(\\w+)]=(\\w+)").matcher(bashArray(script, "declare -A " + name)); m.find(); ) {
                map.put(m.group(1), m.group(2));
            }
            return map;
        }

        /** The words between the parentheses of {@code name=( … )} in a bash script. */
        private static String bashArray(String script, String name) {
            Matcher m = Pattern.compile("^" + Pattern.quote(name) + "=\\(([^)]*)\\)", Pattern.MULTILINE).matcher(script);
            assertTrue(m.find(), "network.sh has no " + name);
            return m.group(1).strip();
        }
    }

    private static List<Register.Page> pagesOf(Register register) {
        return Stream.concat(register.publicPages().stream(), register.clerkActions().stream()).toList();
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
