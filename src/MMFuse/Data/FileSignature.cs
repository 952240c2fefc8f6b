namespace MMFuse.Data;

/// <summary>
/// Recognises image and audio files by their first bytes, so a file whose content does not match its
/// column's type is reported up front; full decoding happens during feature extraction.
/// </summary>
public static class FileSignature
{
    /// <summary>The extensions that mark a value as an image file name (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    /// <summary>The extensions that mark a value as an audio file name (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> AudioExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".wav", ".mp3", ".ogg", ".flac" };

    /// <summary>How many leading bytes of a file <see cref="DetectImage"/> and <see cref="DetectAudio"/> need to
    /// see.</summary>
    public const int HeaderLength = 12;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image format the header shows (png, jpeg, gif, bmp, webp), or null.</summary>
    public static string? DetectImage(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 8 && h[..8].SequenceEqual(PngMagic)) return "png";
        if (h.Length >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return "jpeg";
        if (h.Length >= 6 && (h[..6].SequenceEqual("GIF87a"u8) || h[..6].SequenceEqual("GIF89a"u8))) return "gif";
        if (h.Length >= 2 && h[0] == (byte)'B' && h[1] == (byte)'M') return "bmp";
        if (h.Length >= 12 && h[..4].SequenceEqual("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return null;
    }

    /// <summary>The audio format the header shows (wav, mp3, ogg, flac), or null.</summary>
    public static string? DetectAudio(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 12 && (h[..4].SequenceEqual("RIFF"u8) || h[..4].SequenceEqual("RF64"u8)) && h[8..12].SequenceEqual("WAVE"u8)) return "wav";
        if (h.Length >= 4 && h[..4].SequenceEqual("OggS"u8)) return "ogg";
        if (h.Length >= 4 && h[..4].SequenceEqual("fLaC"u8)) return "flac";
        if (h.Length >= 3 && h[..3].SequenceEqual("ID3"u8)) return "mp3";
        if (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0) return "mp3"; // MPEG audio frame sync
        return null;
    }

    /// <summary>The format the header shows for a cell of an image or audio column, or null when it is not one.</summary>
    public static string? Detect(ColumnRole role, ReadOnlySpan<byte> header) =>
        role == ColumnRole.Image ? DetectImage(header) : DetectAudio(header);

    /// <summary>The formats a media column accepts, as error messages name them (never by the bytes that were seen:
    /// a cell may name any readable file).</summary>
    public static string ExpectedFormats(ColumnRole role) =>
        role == ColumnRole.Image ? "expected PNG, JPEG, GIF, BMP or WebP" : "expected WAV, MP3, Ogg or FLAC";

    /// <summary>True when <paramref name="value"/> ends in one of <see cref="ImageExtensions"/>.</summary>
    public static bool HasImageExtension(string value) => ImageExtensions.Contains(Extension(value));

    /// <summary>True when <paramref name="value"/> ends in one of <see cref="AudioExtensions"/>.</summary>
    public static bool HasAudioExtension(string value) => AudioExtensions.Contains(Extension(value));

    private static string Extension(string value)
    {
        var dot = value.LastIndexOf('.');
        return dot < 0 || dot < value.LastIndexOfAny(['/', '\\']) ? "" : value[dot..];
    }
}
