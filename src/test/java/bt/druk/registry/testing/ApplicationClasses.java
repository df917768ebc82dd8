package bt.druk.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The classes compiled from src/main's application layer, found by reading the class files: tests
 * that hold per-kind beans to a catalogue see a bean someone wrote but did not wire.
 */
public final class ApplicationClasses {

    private ApplicationClasses() {
    }

    /** The concrete classes under {@code bt.druk.registry.application} that implement {@code type}, nested ones included. */
    public static Set<Class<?>> implementing(Class<?> type) {
        try {
            Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<Class<?>> found = new HashSet<>();
            try (Stream<Path> files = Files.walk(classes.resolve("bt/druk/registry/application"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", "");
                    Class<?> candidate;
                    try {
                        candidate = Class.forName(name, false, type.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    if (type.isAssignableFrom(candidate) && !candidate.isInterface() && !Modifier.isAbstract(candidate.getModifiers())) {
                        found.add(candidate);
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
