package dev.fleetdeck.provider.process;

/**
 * How a finished command went.
 *
 * @param exitCode its exit status
 * @param stdout   standard output (UTF-8, bounded)
 * @param stderr   standard error (UTF-8, bounded)
 */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    /** The first non-blank line of stderr, else of stdout, for a one-line message. */
    public String firstMessageLine() {
        for (String text : new String[] {stderr, stdout}) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    String l = line.strip();
                    return l.length() > 200 ? l.substring(0, 199) + "…" : l;
                }
            }
        }
        return "no output";
    }
}
