using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Images;
using MMFuse.IO;
using NWaves.Audio;
using NWaves.Signals;
using SkiaSharp;

namespace MMFuse.Reporting.Html;

/// <summary>
/// Turns media files into data URIs small enough to inline: images become PNG thumbnails, audio becomes the
/// first seconds of the clip as 16-bit PCM WAV at the rate the audio features use (what the model heard).
/// Decoding goes through the same decoders as training, so failures carry the same reasons.
/// </summary>
internal sealed class ReportMedia(HtmlReportOptions options, string? mediaFolder)
{
    public string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(mediaFolder ?? Directory.GetCurrentDirectory(), path));

    /// <summary>A PNG no larger than ThumbnailSize on its longest side, and the size to show it at.</summary>
    public Thumbnail Thumbnail(string path)
    {
        var image = ImageDecoder.Decode(RegularFile.ReadAllBytes(Resolve(path)));
        int size = options.ThumbnailSize, longest = Math.Max(image.Width, image.Height);
        if (longest > size)
        {
            double s = (double)size / longest;
            image = ImageResizer.Resize(image, Math.Max(1, (int)Math.Round(image.Width * s)), Math.Max(1, (int)Math.Round(image.Height * s)));
        }
        // Tiny images (8x8 digits) are stored as they are and enlarged by the browser, pixelated, to a visible size.
        int zoom = Math.Max(1, size / Math.Max(image.Width, image.Height));
        return new Thumbnail(ToPngDataUri(image), image.Width, image.Height, image.Width * zoom, image.Height * zoom);
    }

    /// <summary>The clip's first ClipSeconds as a WAV data URI, plus the full duration for the caption.</summary>
    public Clip Clip(string path)
    {
        var clip = AudioDecoder.DecodeForFeatures(RegularFile.ReadAllBytes(Resolve(path)));
        int keep = (int)Math.Min(clip.Samples.Length, Math.Round(options.ClipSeconds * clip.SampleRate));
        // Resampling can overshoot ±1 slightly; clamp so the 16-bit conversion cannot wrap around.
        var samples = new float[keep];
        for (int i = 0; i < keep; i++)
            samples[i] = Math.Clamp(clip.Samples[i], -1f, 1f);

        using var wav = new MemoryStream();
        new WaveFile(new DiscreteSignal(clip.SampleRate, samples), 16).SaveTo(wav);
        return new Clip("data:audio/wav;base64," + Convert.ToBase64String(wav.GetBuffer(), 0, (int)wav.Length),
            clip.DurationSeconds, (double)keep / clip.SampleRate);
    }

    private static string ToPngDataUri(RgbImage image)
    {
        using var bitmap = ImageResizer.ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return "data:image/png;base64," + Convert.ToBase64String(data.AsSpan());
    }
}
