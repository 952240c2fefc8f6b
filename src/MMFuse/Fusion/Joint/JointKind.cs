namespace MMFuse.Fusion.Joint;

/// <summary>How the jointly trained network combines the per-modality hidden vectors.</summary>
public enum JointKind
{
    /// <summary>Concatenation of the hidden vectors.</summary>
    Concat,

    /// <summary>Gated multimodal unit (Arevalo et al., 2017).</summary>
    Gated,

    /// <summary>One transformer-encoder layer over the modality tokens, masked mean pooling.</summary>
    Attention,

    /// <summary>Tensor fusion: outer product of the [h; 1] vectors (Zadeh et al., 2017).</summary>
    Tensor,

    /// <summary>Low-rank multimodal fusion (Liu et al., 2018).</summary>
    LowRank,
}
