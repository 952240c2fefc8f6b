using System.Globalization;
using MMFuse.Features.Audio;

namespace MMFuse.Evaluation;

/// <summary>
/// The deployment where recordings are noisier than the training clips: every test row's audio gets noise of
/// <see cref="Colour"/> at <see cref="SnrDb"/> (relative to that clip's own power) before its features are computed;
/// training rows keep their original clips. The noise of a clip depends only on its content and the seed, never on
/// the fold or the strategy, so every strategy is scored on the very same noisy clips (and they are cached).
/// </summary>
public sealed record TestNoise(NoiseColour Colour, double SnrDb, int Seed)
{
    /// <summary>"pink:0", "white:10", "brown:-5": a colour and an SNR in dB.</summary>
    public static TestNoise Parse(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var snr) || !double.IsFinite(snr))
            throw new FormatException($"'{text}' is not COLOUR:SNR_DB, e.g. pink:0 or white:10");
        return new TestNoise(ColouredNoise.Parse(parts[0]), snr, seed);
    }

    /// <summary>The setting in words for messages and reports, e.g. "pink noise at 0 dB SNR".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Colour.ToString().ToLowerInvariant()} noise at {SnrDb} dB SNR");
}
