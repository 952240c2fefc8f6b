using System.CommandLine;
using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;
using MMFuse.Fusion.Joint;

namespace MMFuse.Cli;

/// <summary>--audio-encoder: the joint networks' audio encoder, and the audio features the CNN needs.</summary>
internal static class AudioEncoderArgument
{
    public static AudioEncoderKind Parse(string name) => name switch
    {
        "stats" => AudioEncoderKind.Stats,
        "cnn" => AudioEncoderKind.Cnn,
        _ => throw new MMFuseInputException($"--audio-encoder: '{name}' is not one of stats, cnn"),
    };

    /// <summary>With <c>--audio-encoder cnn</c> the audio features default to the spectrogram grid the CNN reads; another
    /// one named with --audio-features is refused, since the CNN cannot read a summary vector.</summary>
    public static ExtractorChoices Extractors(ParseResult parse, ExtractorArguments extractors, EvaluationArguments evaluation, ExtractorChoices choices)
    {
        if (Parse(parse.GetValue(evaluation.AudioEncoder)!) != AudioEncoderKind.Cnn)
            return choices;
        if (parse.GetResult(extractors.AudioFeatures) is null or { Implicit: true })
            return choices with { Audio = LogMelFramesExtractor.Id };
        return choices.Audio == LogMelFramesExtractor.Id
            ? choices
            : throw new MMFuseInputException($"--audio-encoder cnn reads the spectrogram of --audio-features {LogMelFramesExtractor.Id}, not '{choices.Audio}'");
    }
}
