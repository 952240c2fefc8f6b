using System.Globalization;

namespace MMFuse.Features.Audio;

/// <summary>The one wording of the audio duration limit, whether found from a header or after decoding.</summary>
internal static class AudioLimit
{
    public static string TooLong(double seconds, double limit) => string.Create(CultureInfo.InvariantCulture,
        $"audio too long: {seconds:0.###} s, above the limit of {limit:0.###} s (PredictOptions.MaxAudioSeconds)");
}
