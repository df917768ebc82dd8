package bt.druk.registry.interfaces.web.client;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells Payara that a request reached the trusted proxy over HTTPS. Payara decides the session
 * cookie's {@code Secure} itself ({@code cookieSecure=dynamic} in {@code payara-web.xml}) from its
 * own request's TLS flag, when it makes or renews the session, through no method a filter or a
 * request wrapper can reach; its connector ({@code org.apache.catalina.connector.Request}, behind
 * the {@code RequestFacade} a filter is given) has {@code setSecure(boolean)} for exactly this, as
 * Tomcat's remote-IP valve uses it. The connector sets the flag again from the connection for each
 * request, so this lasts one request.
 *
 * <p>Reached by reflection, since the portal does not build against Payara's internals; on a
 * container without it the portal goes on (logged once): pages and headers still know the request
 * was HTTPS through {@link ClientConnections}, only the session cookie lacks {@code Secure}.
 */
final class ContainerTls {

    private static final Logger LOG = Logger.getLogger(ContainerTls.class.getName());

    /** How to reach the connector's request from a facade of one class. */
    private record Route(Field inner, Method setSecure) {
    }

    private static final ClassValue<Route> ROUTES = new ClassValue<>() {
        @Override
        protected Route computeValue(Class<?> facade) {
            return route(facade);
        }
    };
    private static volatile boolean warned;

    private ContainerTls() {
    }

    /** Marks the container's request behind {@code request} as HTTPS; whether that was possible. */
    static boolean markSecure(ServletRequest request) {
        ServletRequest innermost = request;
        while (innermost instanceof ServletRequestWrapper wrapper) {
            innermost = wrapper.getRequest();
        }
        if (innermost.isSecure()) {
            return true;
        }
        return mark(innermost);
    }

    /** Sets the TLS flag of the connector's request held by {@code facade} (its field {@code request}). */
    static boolean mark(Object facade) {
        Route route = ROUTES.get(facade.getClass());
        if (route != null) {
            try {
                Object connectorRequest = route.inner().get(facade);
                if (connectorRequest != null) {
                    route.setSecure().invoke(connectorRequest, true);
                    return true;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                warnOnce(facade, e);
                return false;
            }
        }
        warnOnce(facade, null);
        return false;
    }

    private static Route route(Class<?> facade) {
        for (Class<?> c = facade; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field inner = c.getDeclaredField("request");
                Method setSecure = inner.getType().getMethod("setSecure", boolean.class);
                inner.setAccessible(true);
                return new Route(inner, setSecure);
            } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
                // not here; try the superclass
            }
        }
        return null;
    }

    private static void warnOnce(Object request, Exception e) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, e, () -> "cannot tell the servlet container (" + request.getClass().getName()
                    + ") that a request came over HTTPS through a trusted proxy: its session cookie goes without Secure");
        }
    }
}
