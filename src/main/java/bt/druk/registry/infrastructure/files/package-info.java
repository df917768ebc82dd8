/**
 * The file store on the local filesystem ({@link bt.druk.registry.infrastructure.files.FilesystemFileStore})
 * with its catalogue table {@code stored_file}, and the sniffing that decides a file's kind from its
 * bytes ({@link bt.druk.registry.infrastructure.files.FileSniffer}).
 */
package bt.druk.registry.infrastructure.files;
