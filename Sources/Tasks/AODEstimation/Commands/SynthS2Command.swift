import ArgumentParser
import Foundation
import Sentinel2

/// `taskforge data synth-s2`: writes a synthetic Sentinel-2 scene catalog of known aerosol
/// (``SyntheticCatalog``) that `aod_estimation` reads from `DATA_FOLDER` as it reads real scenes.
struct SynthS2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-s2", abstract: "Write a synthetic Sentinel-2 scene catalog of known aerosol optical depth.",
        discussion: """
            One scene per --bbox and date: top-of-atmosphere reflectance bands (B02, B04, B8A, B11, B12), SCL, \
            AOT, WVP and truth_aod.tif GeoTIFFs and a STAC item, forward-modelled from the \
            aerosol field (0 to 3) with the bundled 6S table (continental aerosol, US62 gases with the given water \
            vapour column; docs/tasks/aod_estimation.md). The dates are \
            --date and the --num-steps - 1 days --temporal-step apart before it, as the task's steps.
            Example: taskforge data synth-s2 --bbox 116.0,39.0,116.5,39.5 --date 2024-06-01 --num-steps 5 --aod 0.3
            """)

    @Option(help: "The catalog folder to write into (default: DATA_FOLDER, or data/scenes).")
    var output: String?

    @Option(help: ArgumentHelp("An area to cover, min_lon,min_lat,max_lon,max_lat (repeatable).", valueName: "bbox"))
    var bbox: [BoundingBoxArgument] = []

    @Option(help: "The latest acquisition day, yyyy-mm-dd.")
    var date: String

    @Option(help: "How many dates, --temporal-step days apart, ending at --date.")
    var numSteps = 1

    @Option(help: "Days between dates.")
    var temporalStep = 10

    @Option(help: "Cell size in metres (Sentinel-2's B12 has 20).")
    var pixelSize = 60.0

    @Option(
        help: ArgumentHelp(
            "The true AOD at 550 nm: a number (uniform), gradient:WEST:EAST or smooth:MEAN:AMPLITUDE.",
            valueName: "field"))
    var aod: AerosolFieldArgument = AerosolFieldArgument(field: .uniform(0.2))

    @Option(help: "Share of each scene under clouds, 0 to 1.")
    var cloudFraction = 0.1

    @Option(help: "Share of the land that is water, 0 to 1.")
    var waterFraction = 0.05

    @Option(help: "Share of the land that is dark dense vegetation, 0 to 1 (the rest is bare soil).")
    var vegetationFraction = 0.6

    @Flag(help: "Leave out the L2A AOT band.")
    var noAot = false

    @Flag(help: "Leave out the L2A WVP band (water vapour).")
    var noWvp = false

    @Option(
        help: ArgumentHelp(
            "The water vapour column in g/cm², 0 to 6 (the US62 standard atmosphere has 1.42).", valueName: "column"))
    var waterVapour = 1.42

    @Option(help: "The seed of the land, clouds and smooth aerosol fields.")
    var seed: UInt64 = 1

    func validate() throws {
        guard !bbox.isEmpty else { throw ValidationError("give at least one --bbox min_lon,min_lat,max_lon,max_lat") }
        guard AODRequest.day(date) != nil else {
            throw ValidationError("--date '\(date)' is not a day like 2024-06-01")
        }
        guard (1...366).contains(numSteps) else { throw ValidationError("--num-steps must be 1 to 366") }
        guard (1...366).contains(temporalStep) else { throw ValidationError("--temporal-step must be 1 to 366 days") }
        guard pixelSize >= 1 && pixelSize <= 10_000 else {
            throw ValidationError("--pixel-size must be 1 to 10000 metres")
        }
        for (name, value) in [
            ("--cloud-fraction", cloudFraction), ("--water-fraction", waterFraction),
            ("--vegetation-fraction", vegetationFraction),
        ]
        where !(0...1).contains(value) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        if !(0...6).contains(waterVapour) {
            throw ValidationError("--water-vapour must be 0 to 6 g/cm² (the 6S table's range)")
        }
        guard waterFraction + vegetationFraction <= 1 else {
            throw ValidationError("--water-fraction and --vegetation-fraction add up to more than 1")
        }
    }

    func run() throws {
        let folder = URL(
            fileURLWithPath: output
                ?? AODConfiguration(environment: ProcessInfo.processInfo.environment).dataFolder.path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let latest = AODRequest.day(date)!
        let dates = (0..<numSteps).map { latest.addingTimeInterval(-Double($0 * temporalStep) * 86_400) }
        let spec = SyntheticCatalogSpec(
            areas: bbox.map(\.box), dates: dates, pixelSize: pixelSize, aod: aod.field, cloudFraction: cloudFraction,
            waterFraction: waterFraction, vegetationFraction: vegetationFraction, includeAOT: !noAot,
            waterVapour: waterVapour, includeWVP: !noWvp, seed: seed)
        for scene in try SyntheticCatalog.write(spec, to: folder) {
            print(
                String(
                    format: "%@  %@  cloud %5.1f%%  %@", scene.id, AODRequest.dayString(scene.date), scene.cloudCover,
                    scene.itemURL.path))
        }
    }
}

/// `--bbox min_lon,min_lat,max_lon,max_lat`.
struct BoundingBoxArgument: ExpressibleByArgument {
    let box: GeoBoundingBox

    init?(argument: String) {
        let numbers = argument.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, BoundingBoxCheck.violations(in: [numbers]).isEmpty, abs(numbers[0]) <= 180,
            abs(numbers[2]) <= 180,
            let box = GeoBoundingBox(numbers)
        else { return nil }
        self.box = box
    }
}

/// `--aod 0.3`, `--aod gradient:0.1:0.8` or `--aod smooth:0.3:0.1`; every value the field takes within
/// 0...3, the 6S table's range (the scenes are never made by extrapolating it).
struct AerosolFieldArgument: ExpressibleByArgument {
    let field: AerosolField

    init(field: AerosolField) {
        self.field = field
    }

    init?(argument: String) {
        let parts = argument.split(separator: ":").map(String.init)
        let numbers = parts.compactMap(Double.init)
        switch (parts.first, parts.count, numbers.count) {
        case (_, 1, 1) where numbers[0] >= 0 && numbers[0] <= 3: field = .uniform(numbers[0])
        case ("gradient", 3, 2) where numbers.allSatisfy({ $0 >= 0 && $0 <= 3 }):
            field = .gradient(west: numbers[0], east: numbers[1])
        case ("smooth", 3, 2) where numbers[0] >= 0 && numbers[1] >= 0 && numbers[0] + numbers[1] <= 3:
            field = .smooth(mean: numbers[0], amplitude: numbers[1])
        default: return nil
        }
    }

    var defaultValueDescription: String { "0.2" }
}
