using System.CommandLine;
using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Cli;

/// <summary>Which extractor each modality uses, how many threads, and where the feature cache lives.</summary>
internal sealed class ExtractorArguments
{
    public Option<string> ImageFeatures { get; } = new("--image-features") { Description = "auto (default: pixels for images of 32 px or less, else resnet18), resnet18, pixels or color-hist", DefaultValueFactory = _ => "auto" };
    public Option<string> TextFeatures { get; } = new("--text-features") { Description = "default (minilm, with a tf-idf block beside it for a column of long texts: median over 1,000 characters), minilm (long texts read in overlapping windows), tfidf, minilm+tfidf (both blocks) or auto (one of minilm, tfidf, minilm+tfidf per column, chosen by inner CV on each fold's training rows)", DefaultValueFactory = _ => ExtractorChoices.DefaultText };
    public Option<string> AudioFeatures { get; } = new("--audio-features") { Description = "logmel-grid (default: log-mel statistics and time course), logmel-grid-cmvn (the same after per-clip band normalisation: for other microphones and noise), logmel-grid-vad-cmvn (also trims leading and trailing silence), logmel-grid-pcen (the same layout over per-channel energy normalisation), logmel-stats, logmel-frames (the spectrogram on a 40x64 grid, for --audio-encoder cnn) or resnet18-spectrogram", DefaultValueFactory = _ => MMFuse.Features.Audio.LogMelGridExtractor.Id };
    public Option<int?> ThreadsOption { get; } = new("--threads") { Description = "Decoding and inference threads (default: the number of cores)" };
    public Option<long?> MaxImagePixels { get; } = new("--max-image-pixels")
    {
        Description = $"Refuse images with more pixels than this as bad rows (default {ImageDecodeOptions.DefaultMaxPixels}); larger ones are decoded scaled down",
    };
    public Option<string?> Cache { get; } = new("--cache") { Description = "Feature cache folder (default: $MMFUSE_CACHE, $XDG_CACHE_HOME/mmfuse or ~/.cache/mmfuse)" };

    public void AddTo(Command command)
    {
        command.Add(ImageFeatures);
        command.Add(TextFeatures);
        command.Add(AudioFeatures);
        command.Add(ThreadsOption);
        command.Add(MaxImagePixels);
        command.Add(Cache);
    }

    /// <summary>The extractor per modality as named (<c>auto</c> is resolved by the library, which looks at the images).</summary>
    public ExtractorChoices Choices(ParseResult parse)
    {
        var choices = new ExtractorChoices(parse.GetValue(ImageFeatures)!, parse.GetValue(TextFeatures)!, parse.GetValue(AudioFeatures)!);
        if (!ExtractorChoices.TextChoices.Contains(choices.Text))
            throw new MMFuseInputException($"--text-features: '{choices.Text}' is not one of {string.Join(", ", ExtractorChoices.TextChoices)}");
        return choices;
    }

    public int Threads(ParseResult parse) => parse.GetValue(ThreadsOption) switch
    {
        null => Environment.ProcessorCount,
        < 1 and var n => throw new MMFuseInputException($"--threads: {n} is not a positive number"),
        var n => n.Value,
    };

    public long MaxPixels(ParseResult parse) => parse.GetValue(MaxImagePixels) switch
    {
        null => ImageDecodeOptions.DefaultMaxPixels,
        < 1 and var n => throw new MMFuseInputException($"--max-image-pixels: {n} is not a positive number"),
        var n => n.Value,
    };
}
