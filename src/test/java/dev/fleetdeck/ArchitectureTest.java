package dev.fleetdeck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture, checked on the compiled classes (docs/architecture.md, docs/decisions/0003): the layer arrows
 * point down, no package depends on itself through others, the views meet only in {@code ui.common}, the window never
 * touches a provider, and the lower layers never touch JavaFX.
 */
@AnalyzeClasses(packages = "dev.fleetdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The rooms of the window that hold a view; they may use ui.common and ui.theme, never each other. */
    static final List<String> VIEW_PACKAGES = List.of("overview", "fleet", "heatmap", "detail", "sources", "alerts",
            "market", "showroom", "search", "settings");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("dev.fleetdeck.model..")
            .layer("provider").definedBy("dev.fleetdeck.provider..")
            .layer("service").definedBy("dev.fleetdeck.service..")
            .layer("config").definedBy("dev.fleetdeck.config..")
            .layer("ui").definedBy("dev.fleetdeck.ui..")
            .layer("app").definedBy("dev.fleetdeck.app..")
            .layer("cli").definedBy("dev.fleetdeck.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app", "cli")
            .whereLayer("config").mayOnlyBeAccessedByLayers("ui", "app", "cli")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "app", "cli")
            .whereLayer("provider").mayOnlyBeAccessedByLayers("service", "config", "app", "cli");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.fleetdeck.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule lowerLayersStayFreeOfJavaFx = noClasses().that()
            .resideInAnyPackage("dev.fleetdeck.model..", "dev.fleetdeck.provider..", "dev.fleetdeck.service..",
                    "dev.fleetdeck.config..", "dev.fleetdeck.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
            .because("only the window draws; the back end runs headless too (snapshot, probe, serve)");

    @ArchTest
    static final ArchRule modelDependsOnTheJdkOnly = noClasses().that().resideInAPackage("dev.fleetdeck.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.fleetdeck.model..", "java..", "javax..");

    @ArchTest
    static final ArchRule uiNeverTouchesAProvider = noClasses().that().resideInAPackage("dev.fleetdeck.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.fleetdeck.provider..")
            .because("the composition root (dev.fleetdeck.app) wires providers; views render frames");

    @ArchTest
    static final ArchRule commonAndThemeKnowNoView = noClasses().that()
            .resideInAnyPackage("dev.fleetdeck.ui.common..", "dev.fleetdeck.ui.theme..")
            .should().dependOnClassesThat().resideInAnyPackage(viewPackages(VIEW_PACKAGES))
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.fleetdeck.ui.app..", "dev.fleetdeck.ui.render..");

    @ArchTest
    static void viewsMeetOnlyThroughCommon(JavaClasses classes) {
        for (String view : VIEW_PACKAGES) {
            String[] others = viewPackages(VIEW_PACKAGES.stream().filter(v -> !v.equals(view)).toList());
            noClasses().that().resideInAPackage("dev.fleetdeck.ui." + view + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAnyPackage("dev.fleetdeck.ui.app..",
                            "dev.fleetdeck.ui.render..")
                    .because("views depend on each other only through ui.common")
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule viewsNeverReachIntoEngines = noClasses().that().resideInAnyPackage(viewPackages(VIEW_PACKAGES))
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Engine")
            .orShould().dependOnClassesThat().haveSimpleName("IdleTracker")
            .orShould().dependOnClassesThat().haveSimpleName("FleetMonitor")
            .orShould().dependOnClassesThat().haveSimpleName("EventLog")
            .because("a view renders only the frame it is given (a replayed frame takes the same path)");

    private static String[] viewPackages(List<String> names) {
        return names.stream().map(v -> "dev.fleetdeck.ui." + v + "..").toArray(String[]::new);
    }

    @ArchTest
    static void everyListedViewPackageExists(JavaClasses classes) {
        // A renamed room would silently escape the rules above.
        for (String view : VIEW_PACKAGES) {
            if (!classes.containPackage("dev.fleetdeck.ui." + view)) {
                throw new AssertionError("no package dev.fleetdeck.ui." + view + ": update VIEW_PACKAGES");
            }
        }
    }
}
