/**
 * Code that runs inside Solr, not in the archive: query parsers that build the archive's own Lucene queries. It is
 * packaged with the analysis factories into the {@code solr-plugin} jar, which every Solr node loads; the archive's
 * runtime jar never loads it.
 */
package org.newsarchive.solr.plugin;
