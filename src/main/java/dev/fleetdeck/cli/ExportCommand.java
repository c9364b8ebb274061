package dev.fleetdeck.cli;

import dev.fleetdeck.config.MomentText;
import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.recording.Exporter;
import dev.fleetdeck.service.recording.RecordingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code export --from T --to T [--format csv|parquet] --out FILE}: recorded series for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Write recorded series between two moments into a CSV or Parquet file (pandas, Spark, DuckDB,"
                + " a spreadsheet); nothing is polled.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "TIME", required = true, description = "the first moment: "
            + MomentText.FORMS)
    String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "-0s", description = "the last moment (default: now)")
    String to;

    @Option(names = "--format", paramLabel = "F", defaultValue = "csv", description = "csv or parquet (default:"
            + " ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--series", paramLabel = "S", defaultValue = "gpus", description = "gpus (every GPU metric per"
            + " frame) or capacity (per model, region and source) (default: ${DEFAULT-VALUE})")
    String series;

    @Option(names = "--recording", paramLabel = "PATH", description = "a file from `record` or a directory of"
            + " segments (default: the user's store, $XDG_DATA_HOME/fleetdeck/recordings)")
    Path recording;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write (replaced)")
    Path out;

    @Override
    public Integer call() {
        Instant start = moment("--from", from);
        Instant end = moment("--to", to);
        Exporter.Format f = choice("--format", format, Exporter.Format.values());
        Exporter.Series s = choice("--series", series, Exporter.Series.values());
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is not a regular file");
        }
        Path path = recording != null ? recording : RecordingSettings.defaultDirectory();
        long t0 = System.nanoTime();
        try {
            Exporter.Result r = Exporter.export(path, start, end, s, f, out, line -> {
                root.err.println("reading " + line);
                root.err.flush();
            });
            r.skipped().forEach(line -> root.err.println("left out " + line));
            root.out.printf("wrote %,d rows of %s from %d segment%s to %s (%s) in %,d ms%n", r.rows(), s.key(),
                    r.segments(), r.segments() == 1 ? "" : "s", out, f.key(), (System.nanoTime() - t0) / 1_000_000);
            return Main.OK;
        } catch (RecordingException e) {
            root.err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        }
    }

    private Instant moment(String option, String text) {
        return MomentText.parse(text, Clock.systemUTC(), ZoneId.systemDefault()).orElseThrow(() ->
                new ParameterException(spec.commandLine(), option + " must be " + MomentText.FORMS + ", not '"
                        + text + "'"));
    }

    private <E extends Enum<E>> E choice(String option, String text, E[] values) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new ParameterException(spec.commandLine(), option + " must be one of " + Arrays.stream(values)
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + text + "'");
    }
}
