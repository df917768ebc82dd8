package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.PasswordBlocklist;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of the 30,000 commonest passwords ({@code common-passwords.txt} next to this
 * class; its source and licence are in {@code common-passwords.SOURCE.md} beside it), read once.
 */
@ApplicationScoped
public class FilePasswordBlocklist implements PasswordBlocklist {

    static final String RESOURCE = "common-passwords.txt";

    /** Read at the first check, once per class loader, not when CDI makes this bean's proxy. */
    private static final class Loaded {
        static final Set<String> PASSWORDS = load();
    }

    @Override
    public boolean contains(String lowerCasePassword) {
        return Loaded.PASSWORDS.contains(lowerCasePassword);
    }

    int size() {
        return Loaded.PASSWORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = FilePasswordBlocklist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Set<String> set = new HashSet<>(40_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    set.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
