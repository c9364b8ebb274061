package dev.fleetdeck.provider.prom.expo;

/** Receives samples from a parser, in input order, on the parsing thread. */
@FunctionalInterface
public interface SampleSink {
    void accept(SampleView sample);
}
