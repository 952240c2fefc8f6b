namespace MMFuse.Features.Images;

/// <summary>
/// Limits and target of one image decode. A PNG of 10000×10000 pixels can be a few hundred kilobytes on disk and
/// gigabytes once decoded, so the pixel count is capped, and any image above <see cref="FullDecodePixels"/> is
/// decoded straight to a reduced size (never below <see cref="TargetSide"/> on its shorter side when the budget
/// allows), which bounds the memory each decoding thread needs.
/// </summary>
public sealed record ImageDecodeOptions
{
    /// <summary>The default of <c>--max-image-pixels</c>: 40 MP, more than any camera a user plausibly has.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>The defaults: at most 40 MP, full-size decoding up to 16 MP, no target side.</summary>
    public static ImageDecodeOptions Default { get; } = new();

    /// <summary>An image with more pixels than this is refused (a bad row naming its pixel count).</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Images up to this many pixels (16 MP: 64 MB as RGBA) decode at full size, exactly as before, so cached
    /// vectors of ordinary images stay valid; larger ones decode scaled down.
    /// </summary>
    public long FullDecodePixels { get; init; } = 16_000_000;

    /// <summary>The shortest side the featuriser needs (224 for ResNet18, N for pixels); 0 when it does not say.</summary>
    public int TargetSide { get; init; }
}
