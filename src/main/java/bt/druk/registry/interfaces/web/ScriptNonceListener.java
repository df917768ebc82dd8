package bt.druk.registry.interfaces.web;

import jakarta.faces.FactoryFinder;
import jakarta.faces.application.Application;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.event.PostConstructApplicationEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.lifecycle.LifecycleFactory;
import java.util.Iterator;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.csp.CspPhaseListener;

/**
 * Starts PrimeFaces' script nonce for a page once its view is built, just before it is rendered
 * (registered in {@code faces-config.xml} for {@code PreRenderViewEvent}, and for
 * {@code PostConstructApplicationEvent} to take PrimeFaces' own starter out).
 *
 * <p>With {@code primefaces.CSP} on, PrimeFaces writes every inline script with the page's nonce and
 * moves {@code on…} handlers into such scripts. It starts the nonce in a phase listener before the
 * render phase, when a GET's view is not built yet and so not known to be transient: it then keeps
 * the nonce in the view map, and a view map opens an HTTP session — every public page would give an
 * anonymous reader a session. This listener runs the same start-up ({@link CspPhaseListener#initCsp})
 * after the view is built: a transient view keeps no nonce (a postback brings it back as
 * {@code primefaces.nonce}), a stateful one keeps it in its view map. The header PrimeFaces adds is
 * folded into the portal's policy by {@link SecurityHeadersFilter}.
 */
public class ScriptNonceListener implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot || source instanceof Application;
    }

    @Override
    public void processEvent(SystemEvent event) {
        if (event instanceof PostConstructApplicationEvent) {
            removePrimeFacesStarter();
        } else {
            FacesContext context = FacesContext.getCurrentInstance();
            PrimeConfiguration config = PrimeApplicationContext.getCurrentInstance(context).getConfig();
            CspPhaseListener.initCsp(context, config.isCsp(), config.isPolicyProvided(), config.getCspReportOnlyPolicy(),
                    config.getCspPolicy());
        }
    }

    private static void removePrimeFacesStarter() {
        LifecycleFactory factory = (LifecycleFactory) FactoryFinder.getFactory(FactoryFinder.LIFECYCLE_FACTORY);
        for (Iterator<String> ids = factory.getLifecycleIds(); ids.hasNext(); ) {
            Lifecycle lifecycle = factory.getLifecycle(ids.next());
            for (PhaseListener listener : lifecycle.getPhaseListeners()) {
                if (listener instanceof CspPhaseListener) {
                    lifecycle.removePhaseListener(listener);
                }
            }
        }
    }
}
