/**
 * Files on the web: the public download address {@code /files/<sha256>}
 * ({@link bt.druk.registry.interfaces.web.file.FileDownloadServlet}) and the helper that takes an
 * upload from a page into the file store ({@link bt.druk.registry.interfaces.web.file.FileUploads}).
 */
package bt.druk.registry.interfaces.web.file;
