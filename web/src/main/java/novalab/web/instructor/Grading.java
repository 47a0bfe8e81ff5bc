package novalab.web.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import novalab.exercises.Catalog;
import novalab.exercises.ContentError;
import novalab.exercises.Exercise;
import novalab.grader.ReplayGrader;
import novalab.web.BadInput;

/**
 * Runs {@link ReplayGrader} over every student's current history of every exercise in the background, one job
 * at a time (histories graded in parallel on half the cores). "Grade all" stores the results; a preview keeps them until {@link #apply} stores them.
 */
final class Grading implements AutoCloseable {
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Grading.class);
    private final HistoryDao histories;
    private final GradeDao grades;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "novalab-grading");
        t.setDaemon(true);
        return t;
    });
    private GradingJob current;
    private int jobs;

    Grading(HistoryDao histories, GradeDao grades) {
        this.histories = histories;
        this.grades = grades;
    }

    /** Starts a job, or refuses while one is running. */
    synchronized GradingJob.View start(GradingJob.Kind kind) {
        if (current != null && current.state == GradingJob.State.RUNNING) {
            throw new BadInput("A grading job is already running (" + current.done.get() + " of " + current.total
                    + " histories done). Wait for it to finish.");
        }
        GradingJob job = new GradingJob(++jobs, kind);
        current = job;
        executor.submit(() -> run(job));
        return job.view();
    }

    synchronized Optional<GradingJob.View> current() {
        return Optional.ofNullable(current).map(GradingJob::view);
    }

    /** Stores the results of the finished preview {@code number}. */
    synchronized void apply(int number) {
        GradingJob job = current;
        if (job == null || job.number != number || job.kind != GradingJob.Kind.PREVIEW) {
            throw new BadInput("That regrade preview is no longer the latest job: run the preview again.");
        }
        if (job.state == GradingJob.State.APPLIED) throw new BadInput("This regrade preview was already applied.");
        if (job.state != GradingJob.State.DONE) throw new BadInput("This regrade preview has not finished yet.");
        grades.store(job.results);
        job.state = GradingJob.State.APPLIED;
        job.message = "Applied: " + job.results.size() + " grades stored (" + job.changes.size() + " changed).";
    }

    private void run(GradingJob job) {
        try {
            Catalog catalog = ExerciseContent.load();
            List<StudentHistory> todo = histories.all(catalog.exercises().stream().map(Exercise::id).toList());
            job.total = todo.size();
            job.message = "Grading " + todo.size() + " histories.";
            ReplayGrader grader = new ReplayGrader("fake");
            List<Graded> out = new ArrayList<>();
            // histories in parallel, one sandbox each (as ./lab grade does); half the cores, so the lab stays responsive
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
                Thread t = new Thread(null, r, "novalab-grader", 8L << 20); // deep shell pipelines: the stack ./lab grade runs with (-Xss8m)
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Graded>> futures = new ArrayList<>();
                for (StudentHistory h : todo) {
                    Exercise ex = catalog.find(h.exercise()).orElseThrow();
                    futures.add(workers.submit(() -> {
                        Graded g = new Graded(h, grader.grade(ex, h.bytes()));
                        job.done.incrementAndGet();
                        return g;
                    }));
                }
                for (Future<Graded> f : futures) out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().toString(), e.getCause());
            } finally {
                workers.shutdownNow();
            }
            job.results = List.copyOf(out);
            if (job.kind == GradingJob.Kind.GRADE_ALL) {
                grades.store(out);
                job.message = "Graded and stored " + out.size() + " histories.";
            } else {
                job.changes = Regrade.compare(grades.latest(), out);
                job.message = job.changes.isEmpty() ? "No score would change: " + out.size() + " histories regraded, nothing stored."
                        : job.changes.size() + " of " + out.size() + " grades would change. Nothing is stored until you apply.";
            }
            job.state = GradingJob.State.DONE;
        } catch (ContentError e) {
            job.message = "The exercises could not be loaded: " + e.getMessage();
            job.state = GradingJob.State.FAILED;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("grading job {} failed", job.number, e);
            job.message = "Grading failed: " + e;
            job.state = GradingJob.State.FAILED;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
