namespace MMFuse.Features.Audio;

/// <summary>Audio container recognised from a file's first bytes.</summary>
internal enum AudioContainer
{
    Unknown,
    Wav,
    Mp3,
    Ogg,
    Flac,
}
