package bt.druk.registry.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Main-Class of druk-bench.jar. As in druk-verify.jar the libraries travel inside it unchanged as
 * {@code lib/*.jar} (unpacking them would make every build slower); they are copied to a private
 * temporary folder at start and {@link DrukBench} runs in a class loader over this jar and them.
 */
public final class Launcher {

    private static final String LIB = "lib/";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<URL> classpath = new ArrayList<>();
        classpath.add(self.toUri().toURL());
        Path folder = Files.createTempDirectory("druk-bench-");
        folder.toFile().deleteOnExit();
        try (JarFile jar = new JarFile(self.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
                    Path target = folder.resolve(name.substring(LIB.length()));
                    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                        Files.copy(in, target);
                    }
                    target.toFile().deleteOnExit();
                    classpath.add(target.toUri().toURL());
                }
            }
        } catch (IOException e) {
            System.err.println("druk-bench: cannot unpack the libraries of " + self + ": " + e);
            System.exit(2);
        }
        ClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(DrukBench.class.getName(), true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
