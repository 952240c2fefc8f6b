namespace MMFuse.Fusion.Joint;

/// <summary>
/// SpecAugment masks (Park et al. 2019) applied to the spectrogram of each training row by the CNN audio encoder:
/// a few stretches of time steps and of mel bands are set to the clip's mean. Training only; prediction sees the
/// whole spectrogram. The draws come from the training's seeded generator.
/// </summary>
/// <param name="TimeMasks">Time masks per row; 0 turns them off.</param>
/// <param name="MaxTimeWidth">Each time mask covers 0 to this many time steps of the grid.</param>
/// <param name="FrequencyMasks">Frequency masks per row; 0 turns them off.</param>
/// <param name="MaxFrequencyWidth">Each frequency mask covers 0 to this many mel bands.</param>
public sealed record SpecAugmentOptions(int TimeMasks = 2, int MaxTimeWidth = 4, int FrequencyMasks = 2, int MaxFrequencyWidth = 8)
{
    /// <summary>No masks at all.</summary>
    public static SpecAugmentOptions None { get; } = new(0, 0, 0, 0);

    /// <summary>Throws a clear <see cref="ArgumentException"/> for a negative count or width.</summary>
    public void Validate()
    {
        if (TimeMasks < 0 || MaxTimeWidth < 0 || FrequencyMasks < 0 || MaxFrequencyWidth < 0)
            throw new ArgumentException($"SpecAugment mask counts and widths must not be negative (got {TimeMasks}, {MaxTimeWidth}, {FrequencyMasks}, {MaxFrequencyWidth}).");
    }
}
