namespace MMFuse.Features.Audio;

/// <summary>
/// Cuts the leading and trailing frames of a log-mel matrix where nothing louder than the clip's own background
/// happens, so that the time course a summary sees starts and ends with the sound rather than with however much
/// silence or noise a recorder left around it (which differs between speakers and sessions, not between classes).
/// Only the ends are cut; pauses inside stay. Robust by construction: the loudest frame is always active, so the
/// result is never empty, and a clip without a clear peak over its floor is returned whole.
/// </summary>
public sealed class VoiceActivityTrimmer
{
    /// <summary>A trimmer with <paramref name="options"/> (defaults when null); a setting out of range is an
    /// <see cref="ArgumentOutOfRangeException"/>.</summary>
    public VoiceActivityTrimmer(VoiceActivityOptions? options = null)
    {
        Options = options ?? new VoiceActivityOptions();
        if (Options.ThresholdShare is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), Options.ThresholdShare, "ThresholdShare must be in [0, 1].");
        if (Options.FloorPercentile is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(options), Options.FloorPercentile, "FloorPercentile must be in [0, 100].");
        if (Options.MarginFrames < 0 || Options.MinFrames < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MarginFrames must be ≥ 0 and MinFrames ≥ 1.");
    }

    /// <summary>The thresholds and margins in use.</summary>
    public VoiceActivityOptions Options { get; }

    /// <summary>The kept frame range [Start, End) of a [frame][band] log-mel matrix; never empty for a non-empty matrix.</summary>
    public (int Start, int End) ActiveRange(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        var frames = logMel.Length;
        if (frames == 0)
            return (0, 0);
        var energy = logMel.Select(FrameEnergy).ToArray();
        var sorted = energy.Order().ToArray();
        var floor = sorted[(int)Math.Round(Options.FloorPercentile / 100 * (frames - 1))];
        var peak = sorted[^1];
        if (peak - floor < Options.MinRangeNats)
            return (0, frames);
        var threshold = floor + Options.ThresholdShare * (peak - floor);
        var first = Array.FindIndex(energy, e => e >= threshold);
        var last = Array.FindLastIndex(energy, e => e >= threshold);
        var start = Math.Max(0, first - Options.MarginFrames);
        var end = Math.Min(frames, last + 1 + Options.MarginFrames);
        var missing = Math.Min(Options.MinFrames, frames) - (end - start);
        if (missing > 0)
        {
            start = Math.Max(0, start - (missing + 1) / 2);
            end = Math.Min(frames, start + Math.Min(Options.MinFrames, frames));
            start = end - Math.Min(Options.MinFrames, frames);
        }
        return (start, end);
    }

    /// <summary>The matrix's kept frames (the same arrays, not copies).</summary>
    public float[][] Trim(float[][] logMel)
    {
        var (start, end) = ActiveRange(logMel);
        return logMel[start..end];
    }

    /// <summary>A frame's log of total mel power, log Σ exp(band), computed stably around its largest band.</summary>
    internal static double FrameEnergy(float[] frame)
    {
        double max = frame.Max();
        double sum = 0;
        foreach (var v in frame)
            sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
