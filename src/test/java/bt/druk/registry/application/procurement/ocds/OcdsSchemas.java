package bt.druk.registry.application.procurement.ocds;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official OCDS 1.1.5 package schemas, with the release schema extended the way OCDS
 * extensions are applied (JSON Merge Patch, RFC 7386, of each extension's release-schema.json):
 * the bids extension (test resources, copied from the standard) and the portal's own druk-ledger
 * extension (the very file {@code /ocds/extensions/druk-ledger/release-schema.json} serves). The
 * schemas' {@code $ref}s to standard.open-contracting.org resolve to these copies; nothing is
 * fetched from the network. Formats (uri, date-time) are asserted.
 */
final class OcdsSchemas {

    static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Schema releasePackage;
    private final Schema recordPackage;

    OcdsSchemas() {
        JsonNode release = read("/ocds-1.1.5/release-schema.json");
        release = mergePatch(release, read("/ocds-1.1.5/extensions/bids/release-schema.json"));
        release = mergePatch(release, read("/bt/druk/registry/ocds/druk-ledger/release-schema.json"));
        Map<String, String> schemas = Map.of(
                BASE + "release-schema.json", JSON.writeValueAsString(release),
                BASE + "release-package-schema.json", text("/ocds-1.1.5/release-package-schema.json"),
                BASE + "record-package-schema.json", text("/ocds-1.1.5/record-package-schema.json"),
                // Not copied: we publish no versioned release, and this says so.
                BASE + "versioned-release-validation-schema.json", "{\"not\":{}}");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                .schemas(schemas)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        releasePackage = registry.getSchema(SchemaLocation.of(BASE + "release-package-schema.json"));
        recordPackage = registry.getSchema(SchemaLocation.of(BASE + "record-package-schema.json"));
    }

    List<String> releasePackageErrors(String json) {
        return messages(releasePackage.validate(json, InputFormat.JSON));
    }

    List<String> recordPackageErrors(String json) {
        return messages(recordPackage.validate(json, InputFormat.JSON));
    }

    private static List<String> messages(List<Error> errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return messages;
    }

    /** The codes of a codelist CSV of the test resources (first column named Code). */
    static Set<String> codelist(String resource) {
        List<List<String>> rows = csv(text(resource));
        int column = rows.get(0).indexOf("Code");
        Set<String> codes = new LinkedHashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > column && !row.get(column).isEmpty()) {
                codes.add(row.get(column));
            }
        }
        if (column < 0 || codes.isEmpty()) {
            throw new IllegalStateException("no codes in " + resource);
        }
        return codes;
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas, quotes ("") or line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    static JsonNode read(String resource) {
        return JSON.readTree(text(resource));
    }

    static String text(String resource) {
        try (InputStream in = OcdsSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
