import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.git.GitIngest;
import org.newsarchive.ingest.git.MirrorCheckpoints;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * A git mirror's history ingested against a plain folder of the same files, in one run.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/GitIngestBenchmark.java FOLDER [ARTICLES] [COMMITS] [EDITED_PERCENT]}
 * (20,000 articles, 20 commits, 5 percent edited unless given). The first {@code ARTICLES} files of {@code FOLDER}
 * are committed with JGit into a new repository, an equal share in each commit, one day apart; from the second
 * commit on, each commit also edits files added by earlier ones (a paragraph added at the end), until
 * {@code EDITED_PERCENT} of the articles have a second version. Building the repository is timed apart.
 *
 * <p>Then, after a warm-up ingest of other files into a throwaway archive: the repository's final files as a plain
 * folder are ingested into an empty archive (the floor), then the repository's history into another (every version
 * of every file, commit by commit), twice in turn, so that the JVM's warming weighs on both alike; all with the
 * ingest's two threads. It prints each round's times and ratio, the mean rates, commits per second, and each index's
 * size once merged into one segment, from which the growth per extra version against the size per article.
 */
public class GitIngestBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println(
                    "usage: java -cp CLASSPATH bench/GitIngestBenchmark.java FOLDER [ARTICLES] [COMMITS] [EDITED_PERCENT]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int commits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double editedShare = (args.length > 3 ? Double.parseDouble(args[3]) : 5) / 100;
        List<Path> files = firstFiles(folder, articles + 2_000);
        List<Path> mirrored = files.subList(0, articles);
        List<Path> warmUp = files.subList(articles, files.size());
        Path work = Files.createTempDirectory("git-ingest-bench");

        long buildStart = System.nanoTime();
        Path repository = work.resolve("mirror");
        int edits = build(repository, mirrored, commits, (int) Math.round(articles * editedShare));
        System.out.printf(Locale.ROOT, "built a repository of %d articles in %d commits, %d edits, in %.1f s%n",
                articles, commits, edits, seconds(buildStart));

        Path warmFolder = copy(warmUp, work.resolve("warm-up"));
        ingestFolder(work.resolve("warm-data"), warmFolder);

        Path finalFiles = work.resolve("final");
        copyTree(repository, finalFiles);
        double plainSeconds = 0;
        double gitSeconds = 0;
        Run plain = null;
        Run git = null;
        for (int round = 1; round <= 2; round++) {
            long plainStart = System.nanoTime();
            plain = ingestFolder(work.resolve("plain-data-" + round), finalFiles);
            double plainRound = seconds(plainStart);
            long gitStart = System.nanoTime();
            git = ingestGit(work.resolve("git-data-" + round), repository);
            double gitRound = seconds(gitStart);
            System.out.printf(Locale.ROOT, "round %d: plain folder %.1f s (%.0f files/s), git history %.1f s (%.0f"
                            + " versions/s): %.2f%n",
                    round, plainRound, plain.report.files().size() / plainRound, gitRound,
                    git.report.files().size() / gitRound,
                    (git.report.files().size() / gitRound) / (plain.report.files().size() / plainRound));
            plainSeconds += plainRound / 2;
            gitSeconds += gitRound / 2;
        }

        long plainFiles = plain.report.files().size();
        long versions = git.report.count(FileOutcome.Status.INGESTED) + git.report.count(FileOutcome.Status.VERSIONED);
        System.out.printf(Locale.ROOT, "plain folder: %s%n", plain.report.summary());
        System.out.printf(Locale.ROOT, "git history:  %s%n", git.report.summary());
        System.out.printf(Locale.ROOT,
                "plain folder, mean of two: %d files in %.1f s = %.0f files/s; index %.1f MB, %.0f bytes per article%n",
                plainFiles, plainSeconds, plainFiles / plainSeconds, plain.indexBytes / 1e6,
                (double) plain.indexBytes / plainFiles);
        System.out.printf(Locale.ROOT,
                "git history, mean of two:  %d commits, %d versions (%d new versions) in %.1f s = %.2f commits/s, %.0f versions/s;"
                        + " index %.1f MB%n",
                commits, versions, git.report.count(FileOutcome.Status.VERSIONED), gitSeconds, commits / gitSeconds,
                versions / gitSeconds, git.indexBytes / 1e6);
        System.out.printf(Locale.ROOT, "git versions/s over the mean plain files/s: %.2f%n",
                (versions / gitSeconds) / (plainFiles / plainSeconds));
        long extra = git.report.count(FileOutcome.Status.VERSIONED);
        if (extra > 0) {
            System.out.printf(Locale.ROOT,
                    "index growth: %.0f bytes per extra version (%.2f times an article's %.0f bytes)%n",
                    (double) (git.indexBytes - plain.indexBytes) / extra,
                    ((double) (git.indexBytes - plain.indexBytes) / extra) / ((double) plain.indexBytes / plainFiles),
                    (double) plain.indexBytes / plainFiles);
        }
    }

    private record Run(IngestReport report, long indexBytes) {}

    private static Run ingestFolder(Path data, Path folder) throws IOException {
        IngestReport report;
        try (LuceneIndexWriter index = open(data)) {
            report = service(data, index).ingest(List.of(folder), false, IngestProgress.NONE);
        }
        return new Run(report, mergedSize(data.resolve("index")));
    }

    private static Run ingestGit(Path data, Path repository) throws IOException {
        GitIngest.Result result;
        try (LuceneIndexWriter index = open(data)) {
            result = new GitIngest(service(data, index), new MirrorCheckpoints(data), Clock.systemUTC())
                    .ingest(repository, "HEAD", null, IngestProgress.NONE);
        }
        return new Run(result.report(), mergedSize(data.resolve("index")));
    }

    /**
     * The index's size once merged into one segment, with the archive's codec: sizes of indexes in whatever state
     * their merges were left in differ by more than the versions add. Not timed.
     */
    private static long mergedSize(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION)))) {
            writer.forceMerge(1);
            writer.commit();
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static LuceneIndexWriter open(Path data) {
        return new LuceneIndexWriter(data.resolve("index"), new ChineseAnalysis(), JsonMapper.builder().build());
    }

    private static IngestService service(Path data, LuceneIndexWriter index) {
        return new IngestService(new ArticleNormalizer(), new RawStore(data), index, 10 << 20, 2, Clock.systemUTC());
    }

    /** Commits the files in equal shares, editing earlier files from the second commit on; returns the edits. */
    private static int build(Path repository, List<Path> files, int commits, int edits) throws Exception {
        int perCommit = (files.size() + commits - 1) / commits;
        int editsPerCommit = commits > 1 ? (edits + commits - 2) / (commits - 1) : 0;
        int edited = 0;
        Instant day = Instant.parse("2021-01-01T00:00:00Z");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            for (int commit = 0; commit < commits; commit++) {
                int from = commit * perCommit;
                int to = Math.min(files.size(), from + perCommit);
                for (int i = from; i < to; i++) {
                    Files.copy(files.get(i), repository.resolve(files.get(i).getFileName().toString()));
                }
                for (int k = 0; commit > 0 && k < editsPerCommit && edited < edits; k++) {
                    // Spread over the files committed before, each edited once.
                    Path target = repository.resolve(files.get((edited * 7919) % from).getFileName().toString());
                    Files.writeString(target, Files.readString(target, StandardCharsets.UTF_8)
                            + "\n\n更新：本文在镜像中被修改，编辑补充了这一段说明。\n", StandardCharsets.UTF_8);
                    edited++;
                }
                git.add().addFilepattern(".").call();
                PersonIdent mirror = new PersonIdent(
                        "Mirror", "mirror@example.org", day.plusSeconds(86_400L * commit), ZoneOffset.UTC);
                git.commit().setMessage("batch " + commit).setAuthor(mirror).setCommitter(mirror).call();
            }
        }
        return edited;
    }

    private static List<Path> firstFiles(Path folder, int count) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(path -> path.toString().endsWith(".md"))
                    .sorted(Comparator.comparing(Path::toString))
                    .limit(count)
                    .toList();
        }
    }

    private static Path copy(List<Path> files, Path target) throws IOException {
        Files.createDirectories(target);
        for (Path file : files) {
            Files.copy(file, target.resolve(file.getFileName().toString()));
        }
        return target;
    }

    private static void copyTree(Path repository, Path target) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(repository)) {
            paths.filter(Files::isRegularFile).forEach(files::add);
        }
        copy(files, target);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
