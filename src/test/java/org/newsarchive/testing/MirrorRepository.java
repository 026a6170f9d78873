package org.newsarchive.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository built by a test, with JGit, the way a mirror script grows one: files written, moved and removed,
 * committed at given times, on branches that are merged. No {@code git} binary and no network.
 */
public final class MirrorRepository implements AutoCloseable {

    private final Git git;
    private final Path root;

    private MirrorRepository(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** A new repository in {@code directory}, on branch {@code main}. */
    public static MirrorRepository create(Path directory) throws GitAPIException {
        Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call();
        return new MirrorRepository(git, directory);
    }

    public Path root() {
        return root;
    }

    /** Writes a file, UTF-8. */
    public MirrorRepository write(String path, String content) throws IOException {
        return write(path, content, StandardCharsets.UTF_8);
    }

    /** Writes a file in a character set, such as GB18030 for a legacy mirror. */
    public MirrorRepository write(String path, String content, Charset charset) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(charset));
        return this;
    }

    /** Moves a file, as {@code git mv} does. */
    public MirrorRepository move(String from, String to) throws IOException, GitAPIException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
        git.rm().addFilepattern(from).call();
        return this;
    }

    /** Removes a file, as {@code git rm} does. */
    public MirrorRepository remove(String path) throws GitAPIException {
        git.rm().addFilepattern(path).call();
        return this;
    }

    /** Commits everything written, moved and removed, at {@code when}; returns the commit id. */
    public String commit(String message, Instant when) throws GitAPIException {
        git.add().addFilepattern(".").call();
        PersonIdent mirror = new PersonIdent("Mirror script", "mirror@example.org", when, ZoneOffset.UTC);
        RevCommit commit = git.commit()
                .setMessage(message)
                .setAuthor(mirror)
                .setCommitter(mirror)
                .setAllowEmpty(true)
                .call();
        return commit.name();
    }

    /** The id of the blob a file has in a commit, such as {@code HEAD}. */
    public ObjectId blob(String commit, String path) throws IOException {
        return git.getRepository().resolve(commit + ":" + path);
    }

    /** Starts a branch from the current commit and switches to it. */
    public MirrorRepository branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    /** Switches to a branch. */
    public MirrorRepository checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
        return this;
    }

    /** Merges {@code branch} into the current one with a merge commit at {@code when}; returns its id. */
    public String merge(String branch, Instant when) throws GitAPIException, IOException {
        git.merge()
                .include(git.getRepository().resolve(branch))
                .setCommit(false)
                .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
                .call();
        return commit("Merge " + branch, when);
    }

    @Override
    public void close() {
        git.close();
    }
}
