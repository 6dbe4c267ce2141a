package com.perprisk;

/** The application's version, read from the jar manifest (the pom's version); "dev" when run from classes. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
