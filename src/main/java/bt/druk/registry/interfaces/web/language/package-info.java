/**
 * The reader's language (English or Dzongkha): chosen with {@code ?lang=}, remembered in a cookie
 * rather than a session (public pages are stateless), and offered as a plain link on every page.
 */
package bt.druk.registry.interfaces.web.language;
