package org.newsarchive.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.solr.SolrCollection;
import org.newsarchive.solr.SolrSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code solr-setup}: prepares a SolrCloud cluster to hold the archive. */
@Component
@Scope("prototype")
@Command(
        name = "solr-setup",
        mixinStandardHelpOptions = true,
        description = {
            "Upload the archive's configset to SolrCloud and create its collection (or reload it when it exists).",
            "Needs --archive.backend=solr and --archive.solr.zk-hosts=HOST:PORT,... (or --archive.solr.urls=URL,...);"
                    + " the collection is named by --archive.solr.collection (default news-archive).",
            "Every Solr node must have the archive's solr-plugin jar and HanLP in its lib folder, and the"
                    + " analysis-extras module enabled (see the README, 'Scaling out')."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the collection is ready", "1:SolrCloud refused or did not answer", "2:usage error"})
final class SolrSetupCommand implements Callable<Integer> {

    @Option(
            names = "--shards",
            defaultValue = "2",
            description = "Shards of a new collection (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(
            names = "--replicas",
            defaultValue = "2",
            description = "Copies of each shard, on different nodes (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(
            names = "--config-name",
            description = "Name of the configset in ZooKeeper (default: the collection's name).")
    String configName;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<SolrCollection> collection;

    SolrSetupCommand(ObjectProvider<SolrCollection> collection) {
        this.collection = collection;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SolrCollection solr = collection.getIfAvailable();
        if (solr == null) {
            err.println("solr-setup: the archive is not set to use SolrCloud; add --archive.backend=solr and"
                    + " --archive.solr.zk-hosts=HOST:PORT (or --archive.solr.urls=http://HOST:8983/solr)");
            return 2;
        }
        if (shards < 1 || replicas < 1) {
            err.println("solr-setup: --shards and --replicas must be at least 1");
            return 2;
        }
        SolrSetup.Outcome outcome;
        try {
            outcome = SolrSetup.run(solr, configName == null ? solr.name() : configName, shards, replicas);
        } catch (SearchUnavailableException e) {
            err.println("solr-setup: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((outcome.created() ? "Created" : "Reloaded") + " collection " + solr.name() + " with configset "
                + outcome.configSet()
                + (outcome.created()
                        ? " (" + outcome.shards() + " shards x " + outcome.replicas() + " replicas)"
                        : ""));
        out.flush();
        return 0;
    }
}
