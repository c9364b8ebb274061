package dev.fleetdeck.provider.prom.dcgm;

import dev.fleetdeck.provider.prom.expo.LabelKey;
import dev.fleetdeck.provider.prom.expo.Sample;
import dev.fleetdeck.provider.prom.expo.SampleView;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dcgm-exporter series FleetDeck reads (names from NVIDIA's default-counters.csv and dcp-metrics-included.csv),
 * including the older and newer spelling where dcgm-exporter renamed one.
 */
public enum DcgmSeries {
    GPU_UTIL("DCGM_FI_DEV_GPU_UTIL"),
    GR_ENGINE_ACTIVE("DCGM_FI_PROF_GR_ENGINE_ACTIVE"),
    FB_USED("DCGM_FI_DEV_FB_USED"),
    FB_FREE("DCGM_FI_DEV_FB_FREE"),
    FB_RESERVED("DCGM_FI_DEV_FB_RESERVED"),
    FB_TOTAL("DCGM_FI_DEV_FB_TOTAL"),
    GPU_TEMP("DCGM_FI_DEV_GPU_TEMP"),
    MEMORY_TEMP("DCGM_FI_DEV_MEMORY_TEMP"),
    POWER_USAGE("DCGM_FI_DEV_POWER_USAGE"),
    POWER_LIMIT("DCGM_FI_DEV_POWER_MGMT_LIMIT"),
    ENFORCED_POWER_LIMIT("DCGM_FI_DEV_ENFORCED_POWER_LIMIT"),
    SM_CLOCK("DCGM_FI_DEV_SM_CLOCK"),
    XID_ERRORS("DCGM_FI_DEV_XID_ERRORS"),
    ECC_SBE_VOL("DCGM_FI_DEV_ECC_SBE_VOL_TOTAL"),
    ECC_DBE_VOL("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL"),
    UNCORRECTABLE_REMAPPED_ROWS("DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS"),
    ROW_REMAP_FAILURE("DCGM_FI_DEV_ROW_REMAP_FAILURE"),
    ROW_REMAP_PENDING("DCGM_FI_DEV_ROW_REMAP_PENDING"),
    THROTTLE_REASONS("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS"),
    EVENT_REASONS("DCGM_FI_DEV_CLOCKS_EVENT_REASONS"),
    THERMAL_VIOLATION("DCGM_FI_DEV_THERMAL_VIOLATION"),
    POWER_VIOLATION("DCGM_FI_DEV_POWER_VIOLATION"),
    HEALTH_STATUS("DCGM_EXP_GPU_HEALTH_STATUS");

    private static final DcgmSeries[] VALUES = values();
    private static final int TABLE = 128;
    private static final DcgmSeries[][] BY_HASH = new DcgmSeries[TABLE][];

    static {
        List<List<DcgmSeries>> buckets = new ArrayList<>();
        for (int i = 0; i < TABLE; i++) {
            buckets.add(new ArrayList<>());
        }
        for (DcgmSeries s : VALUES) {
            buckets.get(Math.floorMod(hash(s.key.bytes()), TABLE)).add(s);
        }
        for (int i = 0; i < TABLE; i++) {
            BY_HASH[i] = buckets.get(i).toArray(new DcgmSeries[0]);
        }
    }

    private final LabelKey key;

    DcgmSeries(String name) {
        this.key = LabelKey.of(name);
    }

    public String metricName() {
        return key.name();
    }

    public LabelKey key() {
        return key;
    }

    /** The series a parsed sample belongs to, or null: a hash lookup and one byte comparison, no allocation. */
    static DcgmSeries of(SampleView s) {
        for (DcgmSeries d : BY_HASH[Math.floorMod(s.nameHash(), TABLE)]) {
            if (s.nameIs(d.key)) {
                return d;
            }
        }
        return null;
    }

    /** The series of any sample (slower: for JSON answers). */
    static DcgmSeries of(Sample s) {
        for (DcgmSeries d : VALUES) {
            if (s.nameIs(d.key)) {
                return d;
            }
        }
        return null;
    }

    /** A PromQL selector matching every series we read: {@code {__name__=~"A|B|…"}} plus extra matchers. */
    public static String selector(String extraMatchers) {
        String names = java.util.Arrays.stream(VALUES).map(DcgmSeries::metricName).collect(Collectors.joining("|"));
        return "{__name__=~\"" + names + "\"" + (extraMatchers.isBlank() ? "" : "," + extraMatchers.strip()) + "}";
    }

    private static int hash(byte[] b) {
        int h = 1;
        for (byte x : b) {
            h = 31 * h + x;
        }
        return h;
    }
}
