package org.newsarchive.original;

/**
 * The exact bytes an article was ingested from, ready to be downloaded.
 *
 * @param fileName the source file's own name, for the download
 * @param mediaType the type of the source layout with the charset it was decoded with, such as
 *     {@code text/markdown; charset=UTF-8}
 */
public record OriginalFile(byte[] bytes, String fileName, String mediaType, String sha256) {}
