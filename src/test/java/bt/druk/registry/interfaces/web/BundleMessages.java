package bt.druk.registry.interfaces.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** {@link Messages} from the English bundle without a FacesContext, for unit tests of beans that label things. */
public class BundleMessages extends Messages {

    @Override
    public String text(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        if (!bundle.containsKey(key)) {
            return key;
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    @Override
    public Locale currentLocale() {
        return Locale.ENGLISH;
    }
}
