namespace MMFuse.Fusion;

/// <summary>How <see cref="VoteStrategy"/> combines its per-modality learners.</summary>
public enum VoteMode
{
    /// <summary>Weighted average of the class probabilities (of the values, for regression).</summary>
    Soft,

    /// <summary>Weighted majority of each modality's most likely class; ties go to the largest summed probability.</summary>
    Hard,
}
