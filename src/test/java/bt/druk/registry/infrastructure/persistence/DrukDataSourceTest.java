package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DrukDataSourceTest {

    @Test
    void anH2UrlWithoutAWriteDelayGetsDurableCommits() {
        assertEquals("jdbc:h2:file:/d/druk;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                DrukDataSource.durableH2("jdbc:h2:file:/d/druk;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    void anExplicitWriteDelayIsKept() {
        assertEquals("jdbc:h2:file:/d/druk;write_delay=100", DrukDataSource.durableH2("jdbc:h2:file:/d/druk;write_delay=100"));
    }
}
