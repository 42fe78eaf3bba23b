package io.assay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code assay} command line. */
@Command(name = "assay", mixinStandardHelpOptions = true, versionProvider = AssayCli.Version.class,
        description = "Assay: provenance, labels and known-deepfake matching for election media.",
        subcommands = {ScanCommand.class, InspectCommand.class, HashCommand.class, MatchCommand.class, SignCommand.class,
                ServeCommand.class, EvalCommand.class, CoordCommand.class, StreamCommand.class, CommandLine.HelpCommand.class})
public final class AssayCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command with the given output streams (tests, embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AssayCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // No stack traces for users: one line, and the exit code for errors.
            cmd.getErr().println("assay: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AssayCli.class.getPackage().getImplementationVersion();
            return new String[]{"assay " + (v == null ? "(development build)" : v) + ", Java " + Runtime.version()};
        }
    }
}
