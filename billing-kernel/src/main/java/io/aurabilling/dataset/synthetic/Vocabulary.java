package io.aurabilling.dataset.synthetic;

import java.time.LocalDate;
import java.util.List;

import org.apache.avro.util.Utf8;

/**
 * Every dimension value the rows use, encoded once as {@link Utf8} and shared read-only by
 * all writer threads, plus the distributions to draw them from.
 */
final class Vocabulary {
    final Utf8[] countries;
    /** apps[ob][i]: the OB's apps, busiest first. */
    final Utf8[][] apps;
    final Categorical[] appDistribution;
    /** unknownApps[ob]: app ids absent from {@code D_Aura_App}. */
    final Utf8[][] unknownApps;
    final Utf8[] components;
    final Utf8[] unknownComponents;
    final Utf8[] channels;
    final Categorical channelDistribution;
    final Categorical voiceChannelDistribution;
    final Utf8[] presets;
    final Categorical presetDistribution;
    final Categorical visionPresetDistribution;
    final Categorical flowDistribution;
    /** flows[f][step]: component index and service of each step. */
    final int[][] flowComponents;
    final int[][] flowServices;
    final boolean[] flowVoice;
    final boolean[] flowVision;
    /** dayTexts[day]: {@code DAY_DT} of each planned day. */
    final Utf8[] dayTexts;
    final TimestampText timestamps;

    /**
     * Prepares the vocabulary of a plan.
     *
     * @param plan the month plan
     */
    Vocabulary(MonthPlan plan) {
        int no = plan.obs.size();
        countries = new Utf8[no];
        apps = new Utf8[no][];
        appDistribution = new Categorical[no];
        unknownApps = new Utf8[no][];
        for (int o = 0; o < no; o++) {
            SyntheticCatalog.ObProfile ob = plan.obs.get(o);
            countries[o] = new Utf8(ob.code());
            List<SyntheticCatalog.Entry> obApps = SyntheticCatalog.apps(ob);
            apps[o] = obApps.stream().map(e -> new Utf8(e.id())).toArray(Utf8[]::new);
            appDistribution[o] = new Categorical(SyntheticCatalog.appWeights(obApps.size()));
            unknownApps[o] = SyntheticCatalog.unknownApps(ob).stream().map(Utf8::new).toArray(Utf8[]::new);
        }
        components = SyntheticCatalog.COMPONENTS.stream().map(e -> new Utf8(e.id())).toArray(Utf8[]::new);
        unknownComponents = SyntheticCatalog.UNKNOWN_COMPONENTS.stream().map(Utf8::new).toArray(Utf8[]::new);
        channels = SyntheticCatalog.CHANNELS.stream().map(e -> new Utf8(e.id())).toArray(Utf8[]::new);
        channelDistribution = new Categorical(SyntheticCatalog.CHANNEL_WEIGHTS);
        voiceChannelDistribution = new Categorical(SyntheticCatalog.VOICE_CHANNEL_WEIGHTS);
        presets = SyntheticCatalog.PRESETS.stream().map(e -> new Utf8(e.id())).toArray(Utf8[]::new);
        presetDistribution = new Categorical(SyntheticCatalog.PRESET_WEIGHTS);
        visionPresetDistribution = new Categorical(SyntheticCatalog.VISION_PRESET_WEIGHTS);
        flowDistribution = new Categorical(SyntheticCatalog.FLOW_WEIGHTS);
        int nf = SyntheticCatalog.FLOWS.size();
        flowComponents = new int[nf][];
        flowServices = new int[nf][];
        flowVoice = new boolean[nf];
        flowVision = new boolean[nf];
        for (int f = 0; f < nf; f++) {
            SyntheticCatalog.Flow flow = SyntheticCatalog.FLOWS.get(f);
            flowComponents[f] = flow.steps().stream().mapToInt(SyntheticCatalog.Step::component).toArray();
            flowServices[f] = flow.steps().stream().mapToInt(SyntheticCatalog.Step::service).toArray();
            flowVoice[f] = flow.voice();
            flowVision[f] = flow.vision();
        }
        dayTexts = plan.days.stream().map(d -> new Utf8(d.toString())).toArray(Utf8[]::new);
        LocalDate first = plan.days.get(0).minusDays(2);
        LocalDate last = plan.days.get(plan.days.size() - 1).plusDays(2);
        timestamps = new TimestampText(first, last);
    }
}
