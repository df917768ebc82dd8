package bt.druk.registry.interfaces.web.language;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Just enough of a servlet request and response for the language tests. */
final class FakeHttp {

    final Map<String, String> parameters = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    final List<Locale> accepted = new ArrayList<>();
    final Map<String, Object> attributes = new HashMap<>();
    final List<Cookie> setCookies = new ArrayList<>();
    String uri = "/records/land.xhtml";
    String query;
    boolean sessionAsked;

    FakeHttp param(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    FakeHttp cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    FakeHttp accept(String... languageTags) {
        for (String tag : languageTags) {
            accepted.add(Locale.forLanguageTag(tag));
        }
        return this;
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" -> {
                        Map<String, String[]> map = new HashMap<>();
                        parameters.forEach((k, v) -> map.put(k, new String[] {v}));
                        yield map;
                    }
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                    case "getLocales" -> Collections.enumeration(accepted.isEmpty() ? List.of(Locale.getDefault()) : accepted);
                    case "getLocale" -> accepted.isEmpty() ? Locale.getDefault() : accepted.get(0);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getContextPath" -> "";
                    case "getMethod" -> "GET";
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "isSecure" -> false;
                    case "getSession" -> {
                        sessionAsked = true;
                        yield null;
                    }
                    case "toString" -> "fake request";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "addCookie" -> {
                        setCookies.add((Cookie) args[0]);
                        yield null;
                    }
                    case "toString" -> "fake response";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
