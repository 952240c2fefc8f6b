namespace MMFuse.Fusion;

/// <summary>What stacking's base learners see.</summary>
public enum StackingBases
{
    /// <summary>Per-modality bases and bases on the concatenated blocks, side by side: the per-modality ones keep a
    /// prediction for a row missing some modality, the concatenated ones catch interactions across modalities.</summary>
    Both,

    /// <summary>One base per modality and learner, each seeing its block alone.</summary>
    PerModality,

    /// <summary>One base per learner on all blocks side by side (early fusion), as scikit-learn's StackingClassifier does.</summary>
    Concatenated,
}
