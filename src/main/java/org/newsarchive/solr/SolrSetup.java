package org.newsarchive.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;
import org.newsarchive.search.SearchUnavailableException;

/**
 * Prepares a SolrCloud cluster for the archive: uploads the configset shipped in the archive's jar, then creates the
 * collection, or reloads it when it exists so that it picks up the configset. Running it again is safe.
 */
public final class SolrSetup {

    /** Where the configset lives on the classpath; the same files are in the repository under src/main/resources. */
    public static final String CONFIGSET = "solr/configset/";

    static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");

    /** What was done. */
    public record Outcome(String configSet, boolean created, int shards, int replicas) {}

    private static final Retries ONCE = new Retries(1, Duration.ZERO, Duration.ZERO);

    private SolrSetup() {}

    /**
     * @param shards how many parts the articles are split into, to spread indexing and search over nodes
     * @param replicas copies of each shard, on different nodes, so that a node can fail
     * @throws SearchUnavailableException when SolrCloud does not answer, or refuses (the message says why)
     */
    public static Outcome run(SolrCollection collection, String configSet, int shards, int replicas) {
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be at least 1");
        }
        var client = collection.client();
        call(
                "upload the configset " + configSet,
                () -> new ConfigSetAdminRequest.Upload()
                        .setConfigSetName(configSet)
                        .setUploadStream(new ContentStreamBase.ByteArrayStream(
                                configSetZip(), configSet + ".zip", "application/zip"))
                        .setOverwrite(true)
                        .setCleanup(true)
                        .process(client));
        List<String> existing = call("list the collections", () -> CollectionAdminRequest.listCollections(client));
        boolean create = !existing.contains(collection.name());
        if (create) {
            CollectionAdminRequest.Create request =
                    CollectionAdminRequest.createCollection(collection.name(), configSet, shards, replicas);
            request.setWaitForFinalState(true);
            call("create the collection " + collection.name(), () -> request.process(client));
        } else {
            call(
                    "reload the collection " + collection.name(),
                    () -> CollectionAdminRequest.reloadCollection(collection.name())
                            .process(client));
        }
        return new Outcome(configSet, create, shards, replicas);
    }

    /** Runs one admin request, once: setup is interactive, and running it again is safe. */
    private static <T> T call(String what, Retries.Call<T> request) {
        try {
            return ONCE.run(what, request);
        } catch (SolrException refused) {
            throw new SearchUnavailableException(
                    SearchUnavailableException.Reason.REFUSED,
                    "SolrCloud refused to " + what + ": " + refused.getMessage(),
                    refused);
        }
    }

    /** The configset's files, zipped as the configset API takes them. */
    public static byte[] configSetZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONFIG_FILES) {
                try (InputStream in = SolrSetup.class.getClassLoader().getResourceAsStream(CONFIGSET + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the archive's jar lacks " + CONFIGSET + file);
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip the configset", e);
        }
        return bytes.toByteArray();
    }
}
