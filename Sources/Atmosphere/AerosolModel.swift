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

/// How a retrieval decides which aerosol model a block of pixels is retrieved with.
public enum AerosolSelection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Always the declared model.
    case fixed
    /// Per block (one call of the block form, a chip in the task), the model whose inversion explains
    /// the block's blue and red reflectances best: the dark-target choice of MODIS (Levy et al. 2007,
    /// JGR 112, D13211), which fits the aerosol type from the same two bands. The declared model is
    /// kept unless another explains the block's pixels strictly better; a single pixel uses it.
    case perBlock = "per_block"
}
