package dev.fleetdeck.ui.common;

import java.time.Instant;

/**
 * What a view may ask of the alert engine: acknowledge and silence. The back end applies it and issues a new frame;
 * the view shows the result from that frame. Called on the FX thread; implementations return at once.
 */
public interface AlertActions {
    AlertActions NONE = new AlertActions() {
        @Override
        public void ack(String key, Instant at) {
        }

        @Override
        public void silence(String key, Instant until) {
        }
    };

    void ack(String key, Instant at);

    void silence(String key, Instant until);
}
