using System.CommandLine;
using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Cli;

/// <summary>Which extractor each modality uses, how many threads, and where the feature cache lives.</summary>
/// <param name="context">Where the cache's warnings go.</param>
internal sealed class ExtractorArguments(CliContext context)
{
    public Option<string> ImageFeatures { get; } = new("--image-features") { Description = "auto (default: pixels for images of 32 px or less, else resnet18), resnet18, pixels or color-hist", DefaultValueFactory = _ => "auto" };
    public Option<string> TextFeatures { get; } = new("--text-features") { Description = "minilm (default) or tfidf", DefaultValueFactory = _ => "minilm" };
    public Option<string> AudioFeatures { get; } = new("--audio-features") { Description = "logmel-grid (default: log-mel statistics and time course), logmel-grid-cmvn (the same after per-clip band normalisation: for other microphones and noise), logmel-grid-vad-cmvn (also trims leading and trailing silence), logmel-stats or resnet18-spectrogram", DefaultValueFactory = _ => MMFuse.Features.Audio.LogMelGridExtractor.Id };
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

    /// <summary>The extractor per modality, with <c>auto</c> resolved by looking at the table's images.</summary>
    public ExtractorChoices Choices(ParseResult parse, CliContext context, FeatureTable table)
    {
        var image = parse.GetValue(ImageFeatures)!;
        if (image == "auto")
        {
            var files = table.Schema.WithRole(ColumnRole.Image)
                .SelectMany(c => table.Cells[c.Name].Where(cell => cell.FilePath is not null).Select(cell => cell.FilePath!));
            (image, var reason) = ImageFeatureExtractor.ResolveAuto(files);
            if (table.Schema.WithRole(ColumnRole.Image).Any())
                context.Error.WriteLine($"image features: auto → {image} ({reason})");
        }
        return new(image, parse.GetValue(TextFeatures)!, parse.GetValue(AudioFeatures)!);
    }

    public int Threads(ParseResult parse) => parse.GetValue(ThreadsOption) switch
    {
        null => Environment.ProcessorCount,
        < 1 and var n => throw new MMFuseInputException($"--threads: {n} is not a positive number"),
        var n => n.Value,
    };

    /// <summary>Threads, the bad-row policy and the image pixel limit, as every extracting command runs them.</summary>
    public ExtractionOptions Extraction(ParseResult parse, BadRowPolicy policy) => new()
    {
        Threads = Threads(parse),
        Policy = policy,
        MaxImagePixels = MaxPixels(parse),
    };

    private long MaxPixels(ParseResult parse) => parse.GetValue(MaxImagePixels) switch
    {
        null => ImageDecodeOptions.DefaultMaxPixels,
        < 1 and var n => throw new MMFuseInputException($"--max-image-pixels: {n} is not a positive number"),
        var n => n.Value,
    };

    /// <summary>The feature cache; one that cannot be used, or stops being writable, warns once and the run goes on without it.</summary>
    public FeatureCache OpenCache(ParseResult parse) =>
        FeatureCache.OpenOrBypass(parse.GetValue(Cache) ?? FeatureCache.DefaultFolder(), context.WarnOnce);
}

internal sealed record ExtractorChoices(string Image, string Text, string Audio);
