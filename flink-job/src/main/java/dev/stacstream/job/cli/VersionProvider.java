package dev.stacstream.job.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = StacstreamCli.class.getPackage().getImplementationVersion();
        return new String[] {"stacstream " + (v == null ? "development" : v)};
    }
}
