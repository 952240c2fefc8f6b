namespace MMFuse.Features.Augmentation;

/// <summary>
/// Settings for training-time augmentation, one record per modality. Each modality's settings go (as a
/// fingerprint) into the cache keys of that modality's variants, so changing image settings does not invalidate
/// cached audio or text variants. The defaults are conventional values (torchvision, SpecAugment, EDA);
/// docs/augmentation.md says where each comes from.
/// </summary>
public sealed record AugmentationOptions
{
    public ImageAugmentationOptions Image { get; init; } = new();
    public AudioAugmentationOptions Audio { get; init; } = new();
    public TextAugmentationOptions Text { get; init; } = new();
}
