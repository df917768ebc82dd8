package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void commandFieldNamesMapToComponentPaths() {
        assertEquals("pin", Messages.toComponentPath("pin"));
        assertEquals("owners:1:cid", Messages.toComponentPath("owners[1].cid"));
        assertEquals("newOwners:0:share", Messages.toComponentPath("newOwners[0].share"));
        assertEquals("owners:2", Messages.toComponentPath("owners[2]"));
    }
}
