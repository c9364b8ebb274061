package dev.fleetdeck.ui.settings;

import dev.fleetdeck.service.polling.ConnectionCheck;

import java.util.Map;

/**
 * Test connection: builds a provider from an edited source entry, polls it once and closes it. The composition root
 * implements it (the window never builds a provider). Called on the settings worker thread, never the FX thread.
 */
public interface ConnectionTester {
    ConnectionCheck.Result test(Map<String, Object> entry) throws InterruptedException;
}
