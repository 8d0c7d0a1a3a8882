package io.aurabilling.dataset.synthetic;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed, hand-written world the generator draws from: OBs with their zones and
 * volumes, components, channels, AI presets, apps per OB, and the traffic shapes.
 * Every list is in a fixed order, so the generated files only depend on the options.
 */
final class SyntheticCatalog {

    /** The OBs generated when none are given, in the order of config.md. */
    static final List<String> DEFAULT_OBS = List.of("BRA", "ESP", "DEU", "GBR", "ARG", "COL", "PER");

    /**
     * One OB of the synthetic world.
     *
     * @param code ISO 3166-1 alpha-3 code
     * @param name operator name (as in config.md)
     * @param zone the OB's time zone
     * @param volume relative traffic volume
     * @param countryName the country's name for {@code D_Gbl_Country}
     * @param alpha2 ISO 3166-1 alpha-2 code, or {@code null}
     * @param brandSlug brand used in app ids, e.g. {@code vivo}
     * @param brandName brand used in app names, e.g. {@code Vivo}
     * @param myWord the word for "my" in the OB's language, e.g. {@code Meu}
     * @param appSuffix suffix that keeps app ids unique across OBs sharing a brand
     * @param appCount how many apps the OB has
     */
    record ObProfile(String code, String name, ZoneId zone, double volume, String countryName, String alpha2,
                     String brandSlug, String brandName, String myWord, String appSuffix, int appCount) {
        ObProfile {
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
            requireNonNull(zone, "zone is null");
        }
    }

    /**
     * One component id and its display name.
     *
     * @param id the {@code AURA_COMPONENT_ID}
     * @param name the display name
     */
    record Entry(String id, String name) {
    }

    private static final List<ObProfile> KNOWN_OBS = List.of(
            new ObProfile("BRA", "Telefônica Brasil", ZoneId.of("America/Sao_Paulo"), 0.30, "Brazil", "BR",
                    "vivo", "Vivo", "Meu", "", 24),
            new ObProfile("ESP", "Telefónica España", ZoneId.of("Europe/Madrid"), 0.25, "Spain", "ES",
                    "movistar", "Movistar", "Mi", "", 24),
            new ObProfile("DEU", "Telefónica Deutschland", ZoneId.of("Europe/Berlin"), 0.15, "Germany", "DE",
                    "o2", "O2", "Mein", "", 18),
            new ObProfile("GBR", "Virgin Media O2", ZoneId.of("Europe/London"), 0.12, "United Kingdom", "GB",
                    "virgin", "Virgin Media", "My", "", 18),
            new ObProfile("ARG", "Telefónica Argentina", ZoneId.of("America/Argentina/Buenos_Aires"), 0.08, "Argentina",
                    "AR", "movistar", "Movistar", "Mi", "-ar", 14),
            new ObProfile("COL", "Telefónica Colombia", ZoneId.of("America/Bogota"), 0.06, "Colombia", "CO",
                    "movistar", "Movistar", "Mi", "-co", 12),
            new ObProfile("PER", "Telefónica del Perú", ZoneId.of("America/Lima"), 0.025, "Peru", "PE",
                    "movistar", "Movistar", "Mi", "-pe", 10));

    /** Components, in {@code D_Aura_Component} order; indexes are used by {@link #FLOWS}. */
    static final List<Entry> COMPONENTS = List.of(
            new Entry("aura-groot", "Aura Groot (messaging core)"),
            new Entry("aura-nlp", "Aura NLP"),
            new Entry("aura-gpt", "Aura GPT"),
            new Entry("aura-bridge", "Aura Bridge"),
            new Entry("aura-tts", "Aura Text-to-Speech"),
            new Entry("aura-stt", "Aura Speech-to-Text"),
            new Entry("aura-vision", "Aura Vision"),
            new Entry("aura-search", "Aura Search"));

    static final int GROOT = 0;
    static final int NLP = 1;
    static final int GPT = 2;
    static final int BRIDGE = 3;
    static final int TTS = 4;
    static final int STT = 5;
    static final int VISION = 6;
    static final int SEARCH = 7;

    /** Component ids that are deliberately absent from {@code D_Aura_Component}. */
    static final List<String> UNKNOWN_COMPONENTS = List.of("aura-legacy-router", "aura-orchestrator-beta");

    /** Channels with their names and traffic weights. */
    static final List<Entry> CHANNELS = List.of(
            new Entry("whatsapp", "WhatsApp"),
            new Entry("app", "Mobile app"),
            new Entry("web", "Web chat"),
            new Entry("ivr", "IVR (voice)"),
            new Entry("stb", "Set-top box"),
            new Entry("sms", "SMS"),
            new Entry("rcs", "RCS"),
            new Entry("messenger", "Facebook Messenger"),
            new Entry("telegram", "Telegram"),
            new Entry("alexa", "Amazon Alexa"));

    /** Weights of {@link #CHANNELS} for text interactions. */
    static final double[] CHANNEL_WEIGHTS = {0.36, 0.24, 0.20, 0.02, 0.05, 0.04, 0.03, 0.03, 0.02, 0.01};

    /** Channel indexes of voice interactions (speech-to-text, text-to-speech). */
    static final int[] VOICE_CHANNELS = {3, 9, 4};

    /** Weights of {@link #VOICE_CHANNELS}. */
    static final double[] VOICE_CHANNEL_WEIGHTS = {0.70, 0.20, 0.10};

    /** AI presets, in {@code D_Aura_Preset} order. */
    static final List<Entry> PRESETS = List.of(
            new Entry("gpt-4o", "GPT-4o"),
            new Entry("gpt-4o-mini", "GPT-4o mini"),
            new Entry("llama-3", "Llama 3 8B Instruct"),
            new Entry("llama-3-70b", "Llama 3 70B Instruct"),
            new Entry("mistral-large", "Mistral Large"),
            new Entry("claude-3-haiku", "Claude 3 Haiku"));

    /** Weights of {@link #PRESETS} for generative text. */
    static final double[] PRESET_WEIGHTS = {0.30, 0.35, 0.15, 0.08, 0.07, 0.05};

    /** Weights of {@link #PRESETS} for vision (only the multimodal ones). */
    static final double[] VISION_PRESET_WEIGHTS = {0.6, 0.4, 0, 0, 0, 0};

    /** {@code AURA_SERVICE_NAME_CD} symbols in schema order. */
    static final int MESSAGE = 0;
    static final int NLPAAS = 1;
    static final int AI = 2;
    static final int OTHER = 3;

    /**
     * One step of an interaction: a component consumed through a service.
     *
     * @param component index in {@link #COMPONENTS}
     * @param service index of the service symbol
     */
    record Step(int component, int service) {
    }

    /**
     * An interaction pattern: 1 to 3 steps sharing one {@code INTERACTION_ID}.
     *
     * @param steps the steps, in call order
     * @param voice whether the interaction uses a voice channel
     * @param vision whether the AI steps use a vision preset
     */
    record Flow(List<Step> steps, boolean voice, boolean vision) {
    }

    static final List<Flow> FLOWS = List.of(
            flow(false, false, GROOT, MESSAGE),
            flow(false, false, GROOT, MESSAGE, NLP, NLPAAS),
            flow(false, false, NLP, NLPAAS),
            flow(false, false, GROOT, AI, GPT, AI),
            flow(false, false, GPT, AI),
            flow(true, false, STT, OTHER, GROOT, MESSAGE, TTS, OTHER),
            flow(false, false, BRIDGE, MESSAGE),
            flow(false, false, BRIDGE, MESSAGE, NLP, NLPAAS),
            flow(false, false, SEARCH, OTHER, GPT, AI),
            flow(false, false, SEARCH, OTHER),
            flow(false, true, VISION, AI));

    /** Weights of {@link #FLOWS}. */
    static final double[] FLOW_WEIGHTS = {0.30, 0.18, 0.08, 0.10, 0.08, 0.06, 0.06, 0.03, 0.05, 0.03, 0.03};

    /** Traffic by OB-local hour of day: night low, day high. */
    static final double[] HOUR_SHAPE = {
        0.22, 0.15, 0.11, 0.09, 0.09, 0.13, 0.28, 0.55, 0.85, 1.05, 1.15, 1.20,
        1.18, 1.12, 1.10, 1.12, 1.15, 1.12, 1.08, 1.02, 0.92, 0.75, 0.55, 0.36};

    /** Traffic by OB-local day of week, Monday first: weekend lower. */
    static final double[] WEEKDAY_SHAPE = {1.00, 1.02, 1.02, 1.00, 0.96, 0.72, 0.62};

    /** Relative traffic of the local days just outside the month, so a few rows fall out of period. */
    static final double MARGIN_FACTOR = 0.01;

    /** Templates of app ids and names after the OB's own "my" app. */
    private static final String[][] APP_TEMPLATES = {
        {"play", "Play"}, {"tv", "TV"}, {"fiber", "Fiber"}, {"business", "Business"}, {"store", "Store"},
        {"billing", "Billing"}, {"support", "Support"}, {"money", "Money"}, {"prepaid", "Prepaid"},
        {"roaming", "Roaming"}, {"home", "Home"}, {"security", "Security"}, {"cloud", "Cloud"}, {"iot", "IoT"},
        {"sales", "Sales"}, {"collections", "Collections"}, {"onboarding", "Onboarding"},
        {"smart-wifi", "Smart WiFi"}, {"kids", "Kids"}, {"music", "Music"}, {"care", "Care"},
        {"tech", "Tech Assistant"}, {"living-apps", "Living Apps"}, {"stores-locator", "Store Locator"}};

    private SyntheticCatalog() {
    }

    /**
     * The profile of an OB: the built-in one, or a small UTC one for any other code.
     *
     * @param code the OB code
     * @return its profile
     */
    static ObProfile ob(String code) {
        for (ObProfile p : KNOWN_OBS) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        String slug = code.toLowerCase(Locale.ROOT);
        return new ObProfile(code, "Operator " + code, ZoneId.of("UTC"), 0.05, code, null, "op-" + slug,
                "Operator " + code, "My", "", 8);
    }

    /**
     * The apps of an OB, most used first: its "my" app and then the templates.
     *
     * @param ob the OB
     * @return app ids and names
     */
    static List<Entry> apps(ObProfile ob) {
        List<Entry> apps = new ArrayList<>();
        String region = ob.appSuffix().isEmpty() ? "" : " (" + ob.appSuffix().substring(1).toUpperCase(Locale.ROOT) + ")";
        String my = ob.myWord().toLowerCase(Locale.ROOT);
        String myId = ("mi".equals(my) || "meu".equals(my) ? "mi" : my) + "-" + ob.brandSlug() + ob.appSuffix();
        apps.add(new Entry(myId, ob.myWord() + " " + ob.brandName() + region));
        for (int i = 0; apps.size() < ob.appCount() && i < APP_TEMPLATES.length; i++) {
            apps.add(new Entry(ob.brandSlug() + "-" + APP_TEMPLATES[i][0] + ob.appSuffix(),
                    ob.brandName() + " " + APP_TEMPLATES[i][1] + region));
        }
        return List.copyOf(apps);
    }

    /**
     * App ids of an OB that are deliberately absent from {@code D_Aura_App}.
     *
     * @param ob the OB
     * @return two ids
     */
    static List<String> unknownApps(ObProfile ob) {
        return List.of(ob.brandSlug() + "-pilot" + ob.appSuffix(), ob.brandSlug() + "-beta-bot" + ob.appSuffix());
    }

    /**
     * Zipf-like popularity of the apps: the first app is the busiest.
     *
     * @param count number of apps
     * @return weights
     */
    static double[] appWeights(int count) {
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            w[i] = 1.0 / (i + 1.5);
        }
        return w;
    }

    private static Flow flow(boolean voice, boolean vision, int... componentService) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < componentService.length; i += 2) {
            steps.add(new Step(componentService[i], componentService[i + 1]));
        }
        return new Flow(List.copyOf(steps), voice, vision);
    }
}
