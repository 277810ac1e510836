import Foundation
import Testing

@testable import Atmosphere

/// Optical depths and how the atmospheric terms respond to aerosol.
@Suite("Radiative transfer: optical depths and the response to aerosol")
struct RadiativeTransferTests {
    let transfer = RadiativeTransfer()
    let geometry = SunViewGeometry(solarZenith: 40, viewZenith: 5, relativeAzimuth: 120)
    let aods = stride(from: 0.0, through: 3.0, by: 0.05).map { $0 }

    @Test func rayleighOpticalDepthAt550nmIsAbout0Point0973() {
        #expect(abs(RadiativeTransfer.rayleighOpticalDepth(wavelength: 0.55) - 0.0973) < 0.002)
    }

    @Test func rayleighOpticalDepthFallsWithWavelength() {
        let depths = SpectralBand.allCases.map { RadiativeTransfer.rayleighOpticalDepth(wavelength: $0.wavelength) }
        #expect(zip(depths, depths.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func aerosolOpticalDepthFollowsAngstromsLaw() {
        #expect(abs(transfer.aerosolOpticalDepth(wavelength: 0.55, aod550: 0.4) - 0.4) < 1e-12)
        let blue = transfer.aerosolOpticalDepth(wavelength: 0.4924, aod550: 0.4)
        let red = transfer.aerosolOpticalDepth(wavelength: 0.6646, aod550: 0.4)
        #expect(abs(log(blue / red) / log(0.6646 / 0.4924) - AerosolModel.continental.angstromExponent) < 1e-9)
    }

    @Test(arguments: [20.0, 40, 60])
    func pathReflectanceGrowsWithAOD(solarZenith: Double) {
        for azimuth in [0.0, 90, 180] {
            let geometry = SunViewGeometry(solarZenith: solarZenith, viewZenith: 8, relativeAzimuth: azimuth)
            for band in SpectralBand.allCases {
                let path = aods.map { transfer.terms(band: band, aod550: $0, geometry: geometry).pathReflectance }
                #expect(zip(path, path.dropFirst()).allSatisfy { $0 < $1 }, "\(band) at θs \(solarZenith), φ \(azimuth)")
            }
        }
    }

    @Test func topOfAtmosphereBlueOverDarkVegetationGrowsWithAOD() {
        let blue = aods.prefix(while: { $0 <= 1.5 }).map {
            transfer.terms(band: .blue, aod550: $0, geometry: geometry).topOfAtmosphere(surface: 0.0125)
        }
        #expect(zip(blue, blue.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func transmittanceFallsWithAOD() {
        for band in SpectralBand.allCases {
            let transmittance = aods.map { transfer.terms(band: band, aod550: $0, geometry: geometry).transmittance }
            #expect(zip(transmittance, transmittance.dropFirst()).allSatisfy { $0 > $1 }, "\(band)")
            #expect(transmittance.allSatisfy { $0 > 0 && $0 <= 1 })
        }
    }

    @Test func scatteringAngleIs180MinusSolarZenithAtNadirAnd180AtTheHotSpot() {
        #expect(abs(SunViewGeometry(solarZenith: 30, viewZenith: 0, relativeAzimuth: 45).scatteringAngle - 150) < 1e-9)
        #expect(abs(SunViewGeometry(solarZenith: 30, viewZenith: 30, relativeAzimuth: 180).scatteringAngle - 180) < 1e-6)
    }
}
