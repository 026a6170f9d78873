package org.newsarchive.ingest.git;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;
import org.newsarchive.article.MirrorPoint;
import org.newsarchive.ingest.IngestSource;
import org.newsarchive.ingest.RemovedFile;
import org.newsarchive.ingest.SourceFiles;
import org.newsarchive.version.Removal;

/**
 * A local git repository that mirrors articles, read with JGit: its commits oldest first, and what each changed
 * among the article files. No {@code git} binary is needed.
 *
 * <p>Each commit is compared with its first parent (a merge thus brings what its other branch changed, whose own
 * commits were read already, and those files come back unchanged), and the root commit with the empty tree. Renames
 * are detected, so a moved file is a change at its new path, not a removal and an addition. Blobs are read when the
 * ingest asks for them, from any thread. Not thread-safe itself; one reader per ingest.
 */
public final class GitMirror implements Closeable {

    private final Repository repository;
    private final String name;
    private final Predicate<String> selected;

    private GitMirror(Repository repository, String name, Predicate<String> selected) {
        this.repository = repository;
        this.name = name;
        this.selected = selected;
    }

    /**
     * Opens the repository at {@code directory} (its work tree or its {@code .git} folder, or a bare repository).
     *
     * @param pathGlob which files to read, as a glob on their paths (such as {@code _posts/**.md}); null for every
     *     article file ({@code .md}, {@code .markdown}, {@code .html}, {@code .htm}, {@code .txt})
     * @throws GitMirrorException when it is no repository, or a shallow clone, whose history is cut off
     */
    public static GitMirror open(Path directory, String pathGlob) {
        if (!Files.isDirectory(directory)) {
            throw new GitMirrorException("no such directory: " + directory);
        }
        File gitDirectory =
                RepositoryCache.FileKey.resolve(directory.toAbsolutePath().toFile(), FS.DETECTED);
        if (gitDirectory == null) {
            throw new GitMirrorException("not a git repository: " + directory);
        }
        Repository repository;
        try {
            repository = new FileRepositoryBuilder()
                    .setGitDir(gitDirectory)
                    .setMustExist(true)
                    .build();
        } catch (RepositoryNotFoundException | IllegalArgumentException notFound) {
            throw new GitMirrorException("not a git repository: " + directory);
        } catch (IOException e) {
            throw new GitMirrorException("cannot open the git repository " + directory + ": " + e.getMessage(), e);
        }
        if (repository.getObjectDatabase() == null
                || !repository.getObjectDatabase().exists()) {
            repository.close();
            throw new GitMirrorException("not a git repository: " + directory);
        }
        try {
            if (!repository.getObjectDatabase().getShallowCommits().isEmpty()) {
                repository.close();
                throw new GitMirrorException("the repository " + directory + " is a shallow clone: its history is cut"
                        + " off, so earlier versions would be missing. Fetch the whole history first"
                        + " (git fetch --unshallow) and ingest again.");
            }
        } catch (IOException e) {
            repository.close();
            throw new GitMirrorException("cannot read the git repository " + directory + ": " + e.getMessage(), e);
        }
        return new GitMirror(repository, nameOf(repository, directory), selection(pathGlob));
    }

    /** The origin's URL when the repository has one, which says what it mirrors; else its absolute path. */
    private static String nameOf(Repository repository, Path directory) {
        String origin = repository.getConfig().getString("remote", "origin", "url");
        if (origin != null && !origin.isBlank()) {
            return origin.strip();
        }
        Path top = repository.isBare()
                ? repository.getDirectory().toPath()
                : repository.getWorkTree().toPath();
        return top.toAbsolutePath().normalize().toString();
    }

    private static Predicate<String> selection(String pathGlob) {
        if (pathGlob == null || pathGlob.isBlank()) {
            return SourceFiles::isArticleName;
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + pathGlob);
        } catch (IllegalArgumentException e) {
            throw new GitMirrorException("not a valid path glob: " + pathGlob + " (" + e.getMessage() + ")");
        }
        return path -> matcher.matches(Path.of(path));
    }

    /** What the archive records as the repository of each version: the origin's URL, else the absolute path. */
    public String name() {
        return name;
    }

    /** The key under which the last commit ingested is remembered: the repository's git folder. */
    public String key() {
        return repository.getDirectory().toPath().toAbsolutePath().normalize().toString();
    }

    /**
     * The commit {@code ref} names (a branch, a tag, {@code HEAD} or a commit id).
     *
     * @throws GitMirrorException when it names no commit, or the repository has none
     */
    public ObjectId resolve(String ref) {
        try {
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                throw new GitMirrorException(
                        repository.getRefDatabase().hasRefs()
                                ? "no commit named " + ref + " in " + name
                                : "the repository " + name + " has no commits");
            }
            return id;
        } catch (MissingObjectException | IncorrectObjectTypeException | CorruptObjectException broken) {
            throw corrupt(broken);
        } catch (IOException | RevisionSyntaxException e) {
            throw new GitMirrorException("cannot resolve " + ref + " in " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether the repository holds this commit (a history rewritten since may not). */
    public boolean holds(String commitId) {
        try {
            return repository.getObjectDatabase().has(ObjectId.fromString(commitId));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The commits reachable from {@code tip} and not from {@code after}, parents before children, each with what it
     * changed; {@code after} null for the whole history.
     *
     * @throws GitMirrorException when the repository is corrupt: an object is missing or unreadable
     */
    public List<MirrorCommit> commits(ObjectId tip, String after) {
        List<MirrorCommit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(tip));
            if (after != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(after)));
            }
            for (RevCommit commit : walk) {
                commits.add(changesOf(walk, commit));
            }
        } catch (MissingObjectException | IncorrectObjectTypeException | CorruptObjectException broken) {
            throw corrupt(broken);
        } catch (IOException e) {
            throw new GitMirrorException("cannot read the history of " + name + ": " + e.getMessage(), e);
        }
        return commits;
    }

    private GitMirrorException corrupt(IOException broken) {
        return new GitMirrorException(
                "the repository " + name + " is corrupt: " + broken.getMessage()
                        + ". Nothing of the unreadable commits was ingested; repair it (git fsck) and ingest again.",
                broken);
    }

    private MirrorCommit changesOf(RevWalk walk, RevCommit commit) throws IOException {
        MirrorPoint point = new MirrorPoint(name, commit.name(), Instant.ofEpochSecond(commit.getCommitTime()));
        List<DiffEntry> entries;
        try (TreeWalk trees = new TreeWalk(repository)) {
            trees.setRecursive(true);
            trees.setFilter(TreeFilter.ANY_DIFF);
            if (commit.getParentCount() == 0) {
                trees.addTree(new EmptyTreeIterator());
            } else {
                trees.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            }
            trees.addTree(commit.getTree());
            RenameDetector renames = new RenameDetector(repository);
            renames.addAll(DiffEntry.scan(trees));
            entries = renames.compute();
        }
        List<IngestSource> files = new ArrayList<>();
        List<RemovedFile> removals = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (DiffEntry entry : entries) {
                boolean gone = entry.getChangeType() == DiffEntry.ChangeType.DELETE
                        || entry.getChangeType() == DiffEntry.ChangeType.RENAME && !selected.test(entry.getNewPath());
                if (gone) {
                    if (selected.test(entry.getOldPath())) {
                        IngestSource lastCopy = blob(
                                reader, entry.getOldPath(), entry.getOldId().toObjectId(), point);
                        removals.add(new RemovedFile(
                                lastCopy, new Removal(entry.getOldPath(), name, commit.name(), point.mirroredAt())));
                    }
                } else if (selected.test(entry.getNewPath()) && isFile(entry)) {
                    files.add(blob(reader, entry.getNewPath(), entry.getNewId().toObjectId(), point));
                }
            }
        }
        return new MirrorCommit(commit.name(), files, removals);
    }

    /** Regular files only: a symbolic link or a submodule in a mirror is no article. */
    private static boolean isFile(DiffEntry entry) {
        FileMode mode = entry.getNewMode();
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private IngestSource blob(ObjectReader reader, String path, ObjectId id, MirrorPoint point) throws IOException {
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        return new IngestSource(
                path, size, () -> repository.open(id, Constants.OBJ_BLOB).openStream(), point);
    }

    @Override
    public void close() {
        repository.close();
    }
}
