package org.newsarchive.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.newsarchive.capture.Capture;
import org.newsarchive.capture.CaptureOutcome;
import org.newsarchive.capture.CaptureSummary;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capture media [ID...]}: fetches the images of archived articles that have no capture yet. */
@Component
@Scope("prototype")
@Command(
        name = "media",
        mixinStandardHelpOptions = true,
        description = {
            "Capture the images (lead images, body images, video posters) of the archived articles that have no"
                    + " capture yet, so that the article pages show them from the archive.",
            "Run it again to capture what is still missing: nothing captured is fetched twice."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every image was tried; the summary says how many were captured, refused or failed",
            "1:the captures could not be written, or the archive could not be read",
            "2:usage error"
        })
final class CaptureMediaCommand implements Callable<Integer> {

    /** Reasons listed in the summary; the rest are counted together. */
    private static final int REASONS_SHOWN = 10;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Articles whose images to capture (default: all).")
    List<String> ids;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Fetch at most N images in this run (default: no limit).")
    int limit;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<MediaCapture> mediaCapture;
    private final Terminal terminal;

    /** @param mediaCapture made when the command runs, so that {@code --help} opens no capture store */
    CaptureMediaCommand(ObjectProvider<MediaCapture> mediaCapture, Terminal terminal) {
        this.mediaCapture = mediaCapture;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            err.println("capture media: --limit must be 0 (no limit) or more, was " + limit);
            return 2;
        }
        CaptureSummary summary;
        try (TerminalProgress bar = new TerminalProgress(terminal, "Capturing", "images")) {
            summary = mediaCapture.getObject().run(ids == null ? List.of() : ids, limit, new MediaCapture.Progress() {
                @Override
                public void started(int urls) {
                    bar.start(urls);
                }

                @Override
                public void captured(String url, Capture last) {
                    bar.step();
                }
            });
        } catch (NoSuchElementException unknown) {
            err.println("capture media: " + unknown.getMessage());
            return 2;
        } catch (SearchUnavailableException | UncheckedIOException e) {
            err.println("capture media: " + e.getMessage());
            return 1;
        }
        print(summary, out);
        out.flush();
        return 0;
    }

    private static void print(CaptureSummary summary, PrintWriter out) {
        out.printf(
                "%d images fetched: %d captured, %d unchanged, %d refused, %d failed; %d captured before%s.%n",
                summary.fetched(),
                summary.count(CaptureOutcome.CAPTURED),
                summary.count(CaptureOutcome.UNCHANGED),
                summary.count(CaptureOutcome.REFUSED),
                summary.count(CaptureOutcome.FAILED),
                summary.alreadyCaptured(),
                summary.malformed() == 0 ? "" : "; " + summary.malformed() + " not URLs, not fetched");
        int shown = 0;
        int others = 0;
        for (Map.Entry<String, Integer> reason : summary.reasons().entrySet()) {
            if (shown++ < REASONS_SHOWN) {
                out.printf("  %6d  %s%n", reason.getValue(), reason.getKey());
            } else {
                others += reason.getValue();
            }
        }
        if (others > 0) {
            out.printf("  %6d  for other reasons%n", others);
        }
    }
}
