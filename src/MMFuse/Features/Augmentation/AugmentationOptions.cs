namespace MMFuse.Features.Augmentation;

/// <summary>
/// Settings for training-time augmentation, one record per modality. Each modality's settings go (as a
/// fingerprint) into the cache keys of that modality's variants, so changing image settings does not invalidate
/// cached audio or text variants. The defaults are conventional values (torchvision, SpecAugment, EDA);
/// docs/augmentation.md says where each comes from.
/// </summary>
public sealed record AugmentationOptions
{
    /// <summary>How image rows are augmented.</summary>
    public ImageAugmentationOptions Image { get; init; } = new();
    /// <summary>How audio rows are augmented.</summary>
    public AudioAugmentationOptions Audio { get; init; } = new();
    /// <summary>How text rows are augmented.</summary>
    public TextAugmentationOptions Text { get; init; } = new();
}
