package bt.druk.registry.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
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
 * Main-Class of druk-verify.jar. The libraries (fabric-gateway, gRPC, protobuf, Bouncy Castle,
 * Parsson) travel inside it unchanged, as {@code lib/*.jar}: unpacking their 16,000 files into one
 * jar made every {@code mvn package} half a minute slower. At start they are copied to a new
 * folder only this user can read, removed again at exit, and {@link DrukVerify} runs in a class
 * loader over this jar and them.
 */
public final class Launcher {

    private static final String LIB = "lib/";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path self;
        try {
            self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            System.err.println("druk-verify: cannot tell where druk-verify.jar is: " + e);
            System.exit(DrukVerify.CANNOT_CHECK);
            return;
        }
        List<URL> classpath = new ArrayList<>();
        classpath.add(self.toUri().toURL());
        try {
            classpath.addAll(unpackLibraries(self));
        } catch (IOException e) {
            System.err.println("druk-verify: cannot unpack the libraries of " + self + ": " + e);
            System.exit(DrukVerify.CANNOT_CHECK);
            return;
        }
        // The platform loader as parent: every class of the verifier is then loaded with the libraries in view.
        ClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(DrukVerify.class.getName(), true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static List<URL> unpackLibraries(Path self) throws IOException {
        Path folder = Files.createTempDirectory("druk-verify-"); // rwx------ on POSIX systems
        folder.toFile().deleteOnExit(); // registered first, so deleted after the files in it
        List<URL> urls = new ArrayList<>();
        try (JarFile jar = new JarFile(self.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(LIB) || !name.endsWith(".jar") || name.indexOf('/', LIB.length()) >= 0) {
                    continue;
                }
                Path target = folder.resolve(name.substring(LIB.length()));
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
                urls.add(target.toUri().toURL());
            }
        }
        if (urls.isEmpty()) {
            throw new IOException("no libraries under " + LIB + " in " + self);
        }
        return urls;
    }
}
