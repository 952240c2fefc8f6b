using System.CommandLine;
using MMFuse.Data;
using MMFuse.Features.Caching;

namespace MMFuse.Cli;

/// <summary>Which extractor each modality uses, how many threads, and where the feature cache lives.</summary>
internal sealed class ExtractorArguments
{
    public Option<string> ImageFeatures { get; } = new("--image-features") { Description = "resnet18 (default), pixels or color-hist", DefaultValueFactory = _ => "resnet18" };
    public Option<string> TextFeatures { get; } = new("--text-features") { Description = "minilm (default) or tfidf", DefaultValueFactory = _ => "minilm" };
    public Option<string> AudioFeatures { get; } = new("--audio-features") { Description = "logmel-stats (default) or resnet18-spectrogram", DefaultValueFactory = _ => "logmel-stats" };
    public Option<int?> ThreadsOption { get; } = new("--threads") { Description = "Decoding and inference threads (default: the number of cores)" };
    public Option<string?> Cache { get; } = new("--cache") { Description = "Feature cache folder (default: $MMFUSE_CACHE, $XDG_CACHE_HOME/mmfuse or ~/.cache/mmfuse)" };

    public void AddTo(Command command)
    {
        command.Add(ImageFeatures);
        command.Add(TextFeatures);
        command.Add(AudioFeatures);
        command.Add(ThreadsOption);
        command.Add(Cache);
    }

    public ExtractorChoices Choices(ParseResult parse) => new(parse.GetValue(ImageFeatures)!, parse.GetValue(TextFeatures)!, parse.GetValue(AudioFeatures)!);

    public int Threads(ParseResult parse) => parse.GetValue(ThreadsOption) switch
    {
        null => Environment.ProcessorCount,
        < 1 and var n => throw new MMFuseInputException($"--threads: {n} is not a positive number"),
        var n => n.Value,
    };

    public FeatureCache OpenCache(ParseResult parse)
    {
        var folder = parse.GetValue(Cache) ?? FeatureCache.DefaultFolder();
        try { return new FeatureCache(folder); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MMFuseInputException($"the feature cache folder '{folder}' cannot be used: {ex.Message}", ex);
        }
    }
}

internal sealed record ExtractorChoices(string Image, string Text, string Audio);
