namespace MMFuse.Features.Audio;

/// <summary>
/// Decodes WAV, MP3 and Ogg Vorbis files to mono float samples at their native rate. The format is taken from
/// the header bytes. Anything that cannot be decoded (empty, truncated, corrupt, unsupported codec) raises a
/// <see cref="MediaDecodeException"/> naming the reason; no path returns an empty or zero-filled clip.
/// </summary>
public static class AudioDecoder
{
    /// <summary>The rate every audio feature extractor works at.</summary>
    public const int FeatureSampleRate = 16000;

    /// <summary>Decodes a whole file's bytes (WAV, MP3 or Ogg Vorbis, told by the header) to mono at the file's own
    /// rate; throws <see cref="MediaDecodeException"/> with the reason when it cannot.</summary>
    public static AudioClip Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
            throw new MediaDecodeException("audio file is empty");

        var clip = AudioSniffer.Detect(bytes) switch
        {
            AudioContainer.Wav => WavReader.Read(bytes),
            AudioContainer.Mp3 => Guarded("MP3", () => CompressedAudioReader.ReadMp3(bytes)),
            AudioContainer.Ogg => Guarded("Ogg Vorbis", () => CompressedAudioReader.ReadVorbis(bytes)),
            AudioContainer.Flac => throw new MediaDecodeException(
                "FLAC is not supported yet (no maintained managed FLAC decoder is available); convert to WAV"),
            _ => throw new MediaDecodeException(
                "unrecognised audio format (expected WAV, MP3 or Ogg Vorbis header bytes)"),
        };
        foreach (var s in clip.Samples)
        {
            if (!float.IsFinite(s))
                throw new MediaDecodeException("audio contains non-finite (NaN or infinite) samples");
        }
        return clip;
    }

    /// <summary>Decodes and resamples to <see cref="FeatureSampleRate"/>, the input every audio extractor expects.</summary>
    public static AudioClip DecodeForFeatures(byte[] bytes) => Decode(bytes).ResampleTo(FeatureSampleRate);

    // The managed decoders signal corrupt input with assorted exception types (InvalidDataException,
    // IndexOutOfRangeException, ArgumentException, ...); all of them mean "this file is bad".
    private static AudioClip Guarded(string codec, Func<AudioClip> decode)
    {
        try
        {
            return decode();
        }
        catch (MediaDecodeException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new MediaDecodeException($"{codec} stream could not be decoded: {ex.Message}", ex);
        }
    }
}
