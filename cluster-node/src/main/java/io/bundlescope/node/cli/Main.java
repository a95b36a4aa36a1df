package io.bundlescope.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bundlescope} command line. */
@Command(name = "bundlescope", mixinStandardHelpOptions = true,
    description = "Turns log bundles into searchable, time-merged logs.",
    subcommands = {RunCommand.class, AnalyzeCommand.class, PatternsCommand.class, AdminCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
