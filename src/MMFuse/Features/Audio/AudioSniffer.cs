namespace MMFuse.Features.Audio;

/// <summary>
/// Recognises the container from its magic bytes, never from the file name: datasets routinely hold
/// MP3s named .wav and the like.
/// </summary>
internal static class AudioSniffer
{
    public static AudioContainer Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WAVE"u8))
            return AudioContainer.Wav;
        if (head.Length >= 4 && head[..4].SequenceEqual("OggS"u8))
            return AudioContainer.Ogg;
        if (head.Length >= 4 && head[..4].SequenceEqual("fLaC"u8))
            return AudioContainer.Flac;
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
            return AudioContainer.Mp3;
        // A bare MPEG audio frame: 11 sync bits, a valid version (not 01) and layer (not 00).
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0
            && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) != 0)
            return AudioContainer.Mp3;
        return AudioContainer.Unknown;
    }
}
