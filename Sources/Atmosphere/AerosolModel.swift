/// The aerosol type of the atmosphere: one of 6S's predefined models (Vermote et al. 1997, after the
/// WCP-112 components), whose optical properties the bundled 6S table (``SixSTable``) was computed with.
///
/// The choice matters: a scene whose real aerosol differs from the declared model is retrieved with
/// a bias (docs/tasks/aod_estimation.md lists it per geometry).
public enum AerosolModel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 6S's continental model (70 % dust-like, 29 % water-soluble, 1 % soot by volume): land aerosol,
    /// the usual choice of dark-target retrievals over vegetation.
    case continental
    /// 6S's maritime model (oceanic and water-soluble components): coarse sea-salt aerosol.
    case maritime
}
