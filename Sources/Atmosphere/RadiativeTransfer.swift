import Foundation

/// The documented radiative transfer approximation.
///
/// One homogeneous layer mixing molecules (Rayleigh, sea-level pressure) and one aerosol model over
/// a Lambertian surface, no gaseous absorption. With µs = cos θs, µv = cos θv, m = 1/µs + 1/µv,
/// τR the Rayleigh and τa the aerosol optical depth at the wavelength, τ = τR + τa, ω the aerosol
/// single-scattering albedo, g its asymmetry and Θ the scattering angle:
///
/// - path reflectance (single scattering over a black surface), with the aerosol extinction that
///   attenuates the scattered light δ-scaled: the forward fraction f = (1 + g)/2 of the aerosol
///   scattering stays in the beam, as in the transmittance below (Joseph, Wiscombe & Weinman 1976):
///   ρpath = (τR PR(Θ) + ω τa Pa(Θ)) / (4 (µs + µv)) · (1 − e^(−τ* m)) / τ*  (→ m as τ* → 0),
///   τ* = τR + τa (1 − ω f). With the full τR + τa instead, the aerosol's extinction of the
///   Rayleigh signal outweighs its own (weak, Pa ≈ 0.15) backscatter and the blue path reflectance
///   would fall with AOD at every Sentinel-2 geometry, which makes the dark-target problem ill-posed;
/// - two-way total transmittance, with the forward-scattered half of the Rayleigh and the
///   forward fraction f of the aerosol scattering counted as transmitted:
///   T = exp(−τt m), τt = τR/2 + τa (1 − ω f);
/// - spherical albedo, from the backscattering optical depth b = τR/2 + ω τa (1 − g)/2:
///   S = 2b / (1 + 2b) (thin-layer limit 2b for isotropic illumination, saturating toward 1).
public struct RadiativeTransfer: Sendable, Hashable {
    /// The aerosol model of the layer.
    public var aerosol: AerosolModel

    /// A model of the atmosphere with the given aerosol.
    public init(aerosol: AerosolModel = .continental) {
        self.aerosol = aerosol
    }

    /// The atmospheric terms of a Sentinel-2 band (at its central wavelength).
    public func terms(band: SpectralBand, aod550: Double, geometry: SunViewGeometry) -> AtmosphericTerms {
        terms(wavelength: band.wavelength, aod550: aod550, geometry: geometry)
    }

    /// The atmospheric terms at `wavelength` (µm) for an aerosol optical depth `aod550` (≥ 0) at 550 nm.
    public func terms(wavelength: Double, aod550: Double, geometry: SunViewGeometry) -> AtmosphericTerms {
        precondition(aod550 >= 0, "AOD must not be negative")
        precondition(geometry.solarZenith < 90 && geometry.viewZenith < 90, "zenith angles must be below 90°")
        let muS = geometry.solarCosine, muV = geometry.viewCosine
        let airMass = 1 / muS + 1 / muV
        let cosine = geometry.scatteringCosine
        let omega = aerosol.singleScatteringAlbedo, g = aerosol.asymmetry
        let tauR = Self.rayleighOpticalDepth(wavelength: wavelength)
        let tauA = aerosolOpticalDepth(wavelength: wavelength, aod550: aod550)
        // The aerosol extinction less the forward-scattered fraction (1 + g)/2 of its scattering.
        let aerosolLoss = tauA * (1 - omega * (1 + g) / 2)

        let scattering = tauR * PhaseFunction.rayleigh(cosine: cosine)
            + omega * tauA * PhaseFunction.henyeyGreenstein(cosine: cosine, asymmetry: g)
        let attenuation = tauR + aerosolLoss
        let escape = attenuation > 1e-12 ? -expm1(-attenuation * airMass) / attenuation : airMass
        let path = scattering / (4 * (muS + muV)) * escape

        let transmissionDepth = tauR / 2 + aerosolLoss
        let transmittance = exp(-transmissionDepth * airMass)

        let backscatter = tauR / 2 + omega * tauA * (1 - g) / 2
        let sphericalAlbedo = 2 * backscatter / (1 + 2 * backscatter)

        return AtmosphericTerms(pathReflectance: path, transmittance: transmittance, sphericalAlbedo: sphericalAlbedo)
    }

    /// Rayleigh optical depth of the whole atmosphere at sea level (1013.25 hPa) at `wavelength` (µm),
    /// Hansen & Travis (1974): τR = 0.008569 λ⁻⁴ (1 + 0.0113 λ⁻² + 0.00013 λ⁻⁴).
    public static func rayleighOpticalDepth(wavelength: Double) -> Double {
        let inverseSquare = 1 / (wavelength * wavelength)
        let inverseFourth = inverseSquare * inverseSquare
        return 0.008569 * inverseFourth * (1 + 0.0113 * inverseSquare + 0.00013 * inverseFourth)
    }

    /// Aerosol optical depth at `wavelength` (µm) by Ångström's law: τa = τ550 (λ / 0.55)^−α.
    public func aerosolOpticalDepth(wavelength: Double, aod550: Double) -> Double {
        aod550 * pow(wavelength / 0.55, -aerosol.angstromExponent)
    }
}
