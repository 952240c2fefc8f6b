namespace MMFuse.Features.Augmentation;

/// <summary>
/// Text augmentation on whitespace-separated words (EDA-style): word dropout, then adjacent swaps. The result
/// is the words joined by single spaces. Text without spaces (e.g. Chinese, Japanese) is one word and is left
/// as it is.
/// </summary>
public sealed record TextAugmentationOptions
{
    /// <summary>Each word is dropped with this probability; at least one word always remains.</summary>
    public double WordDropout { get; init; } = 0.1;

    /// <summary>Each adjacent pair is swapped with this probability (a word moves at most one place).</summary>
    public double SwapProbability { get; init; } = 0.1;
}
