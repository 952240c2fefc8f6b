namespace MMFuse.Features.Audio;

/// <summary>
/// The spectral slope of additive noise: white is flat, pink falls 3 dB per octave (1/f power, like much room and
/// machine noise), brown 6 dB per octave (1/f², like wind and traffic rumble). Recordings in the field meet the
/// coloured kinds more often than white, and they mask speech's low formants far more than white noise of the same power.
/// </summary>
public enum NoiseColour
{
    /// <summary>Equal power at every frequency.</summary>
    White,
    /// <summary>Power falling as 1/f: 3 dB less per octave.</summary>
    Pink,
    /// <summary>Power falling as 1/f²: 6 dB less per octave.</summary>
    Brown,
}
