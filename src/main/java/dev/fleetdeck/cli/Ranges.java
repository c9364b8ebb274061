package dev.fleetdeck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Bounds of numeric options, as usage errors (exit code 2). */
final class Ranges {
    private Ranges() {
    }

    static void check(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max);
        }
    }
}
