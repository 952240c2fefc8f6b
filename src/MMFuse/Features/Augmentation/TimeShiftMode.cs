namespace MMFuse.Features.Augmentation;

/// <summary>How a waveform time shift treats the samples pushed past an end.</summary>
public enum TimeShiftMode
{
    /// <summary>They wrap round to the other end (numpy's roll).</summary>
    Circular,

    /// <summary>They are dropped and the gap is silence.</summary>
    ZeroPad,
}
