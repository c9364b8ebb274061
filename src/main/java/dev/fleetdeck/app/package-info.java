/**
 * The composition root: the one place that loads the provider registry and wires configuration, polling,
 * assembly, health, history, alerts, idle tracking, configuration watching and hot reload. The desktop window,
 * the CLI commands and the tests get their back end here. May use every layer except cli.
 */
package dev.fleetdeck.app;
