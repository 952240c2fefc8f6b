namespace MMFuse.Features.Augmentation;

/// <summary>
/// Image augmentation, applied in this order: random resized crop, horizontal flip, rotation (one Skia draw),
/// then colour jitter (brightness, contrast, saturation). Setting a range to zero or a probability to 0 turns
/// that step off.
/// </summary>
public sealed record ImageAugmentationOptions
{
    /// <summary>Probability of the random resized crop; the crop is always resized back to the original size.</summary>
    public double CropProbability { get; init; } = 1.0;

    /// <summary>Crop area as a fraction of the image area, drawn uniformly in [Min, Max] (torchvision draws 0.08–1; 0.7 keeps the object in view).</summary>
    public double MinCropScale { get; init; } = 0.7;
    /// <summary>Upper end of the crop area fraction (see <see cref="MinCropScale"/>).</summary>
    public double MaxCropScale { get; init; } = 1.0;

    /// <summary>Crop width/height, drawn log-uniformly in [Min, Max] like torchvision's RandomResizedCrop.</summary>
    public double MinCropAspect { get; init; } = 3.0 / 4.0;
    /// <summary>Upper end of the crop aspect ratio (see <see cref="MinCropAspect"/>).</summary>
    public double MaxCropAspect { get; init; } = 4.0 / 3.0;

    /// <summary>
    /// Whether mirroring is allowed at all. Turn it off where a flip changes the meaning (digits, text,
    /// left/right-sensitive scenes); the probability is then ignored.
    /// </summary>
    public bool HorizontalFlip { get; init; } = true;
    /// <summary>Probability of a horizontal flip, when <see cref="HorizontalFlip"/> allows one.</summary>
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Probability of rotating, by an angle drawn uniformly in ±<see cref="MaxRotationDegrees"/>.</summary>
    public double RotationProbability { get; init; } = 0.5;
    /// <summary>Largest rotation either way, in degrees.</summary>
    public double MaxRotationDegrees { get; init; } = 10;

    /// <summary>Probability of colour jitter; each factor is then drawn uniformly in [1 − x, 1 + x].</summary>
    public double JitterProbability { get; init; } = 0.8;
    /// <summary>Brightness jitter: the factor is drawn in [1 − x, 1 + x].</summary>
    public double Brightness { get; init; } = 0.2;
    /// <summary>Contrast jitter: the factor is drawn in [1 − x, 1 + x].</summary>
    public double Contrast { get; init; } = 0.2;
    /// <summary>Saturation jitter: the factor is drawn in [1 − x, 1 + x].</summary>
    public double Saturation { get; init; } = 0.2;
}
