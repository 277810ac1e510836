/// Scattering phase functions, normalised so that their mean over the sphere is 1
/// (∫ P dΩ = 4π), as functions of the cosine of the scattering angle.
enum PhaseFunction {
    /// Rayleigh (molecular) scattering, depolarisation neglected: P(Θ) = 3/4 (1 + cos²Θ).
    static func rayleigh(cosine c: Double) -> Double {
        0.75 * (1 + c * c)
    }

    /// Henyey–Greenstein (1941): P(Θ) = (1 − g²) / (1 + g² − 2 g cos Θ)^(3/2).
    static func henyeyGreenstein(cosine c: Double, asymmetry g: Double) -> Double {
        let d = 1 + g * g - 2 * g * c
        return (1 - g * g) / (d * d.squareRoot())
    }
}
