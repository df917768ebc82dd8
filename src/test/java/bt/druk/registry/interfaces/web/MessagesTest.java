package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.land.OfficeDzongkhags;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void commandFieldNamesMapToComponentPaths() {
        assertEquals("pin", Messages.toComponentPath("pin"));
        assertEquals("owners:1:cid", Messages.toComponentPath("owners[1].cid"));
        assertEquals("newOwners:0:share", Messages.toComponentPath("newOwners[0].share"));
        assertEquals("owners:2", Messages.toComponentPath("owners[2]"));
    }

    @Test
    void theRefusalOfAnotherOfficesParcelNamesTheOfficeAndTheDzongkhagInEitherLanguage() {
        var refusal = OfficeDzongkhags.notServed("PARO", "Thimphu");
        assertEquals("The PARO land office does not register parcels in Thimphu dzongkhag: a parcel is first registered by the"
                + " land office of its dzongkhag.", new BundleMessages().errorText(refusal));
        Messages dzongkha = new Messages() {
            @Override
            public String text(String key, Object... args) {
                String pattern = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("dz")).getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
            }
        };
        String text = dzongkha.errorText(refusal);
        assertEquals(true, text.startsWith("PARO ས་ཆའི་ཡིག་ཚང་གིས་ Thimphu རྫོང་ཁག་གི་"), text);
        assertEquals(refusal.message(), dzongkha.errorText(refusal.code(), refusal.message()),
                "without its arguments (a stored import row's error) the English text, never a bare {0}");
    }
}
