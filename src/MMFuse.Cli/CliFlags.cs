using System.Text.RegularExpressions;

namespace MMFuse.Cli;

/// <summary>
/// The library names its own settings in its messages (<c>DatasetOptions.MaxImagePixels: 0 is not a positive
/// number</c>, <c>give it DatasetOptions.Roles[Ignore] = ["kind"]</c>), which is what a program using it sets; the CLI
/// shows the flag that sets each instead (<c>--max-image-pixels: …</c>, <c>--ignore kind</c>).
/// </summary>
internal static partial class CliFlags
{
    private static readonly (string Setting, string Flag)[] Settings =
    [
        ("DatasetOptions.LabelColumns", "--label"),
        ("DatasetOptions.LabelSeparator", "--label-sep"),
        ("DatasetOptions.Label", "--label"),
        ("DatasetOptions.Task", "--task"),
        ("DatasetOptions.Strict", "--strict"),
        ("DatasetOptions.Threads", "--threads"),
        ("DatasetOptions.MaxImagePixels", "--max-image-pixels"),
        ("PredictOptions.MaxImagePixels", "--max-image-pixels"),
        ("DatasetOptions.MaxTextChars", "--max-text-chars"),
        ("DatasetOptions.Augment", "--augment"),
        ("AudioAugmentationOptions.Speed", "--augment-speed"),
        ("DatasetOptions.Modalities", "--modalities"),
        ("DatasetOptions.Dedupe", "--dedupe"),
        ("DatasetOptions.Weight", "--weight"),
        ("EvaluationOptions.ClassWeight", "--class-weight"),
        ("DatasetOptions.Groups", "--join"),
        ("DatasetOptions.BadRows", "--on-bad-row"),
        ("ExtractorChoices.Image", "--image-features"),
        ("ExtractorChoices.Text", "--text-features"),
        ("ExtractorChoices.Audio", "--audio-features"),
        ("JointOptions.AudioEncoder", "--audio-encoder"),
        ("PredictOptions.IdColumn", "--id"),
        ("FusionSettings.VoteWeights", "--weights"),
        ("TuningOptions.Trials", "--tune"),
        ("TuningOptions.Minutes", "--tune-minutes"),
        ("TuningOptions.InnerFolds", "--tune-folds"),
        ("TuningOptions.HalvingFactor", "--tune-halving"),
        ("PredictOptions.MaxAudioSeconds", "--max-audio-seconds"),
        ("ServeOptions.Host", "--host"),
        ("ServeOptions.Port", "--port"),
        ("ServeOptions.MaxBatch", "--max-batch"),
        ("ServeOptions.MaxDelayMs", "--max-delay-ms"),
        ("ServeOptions.QueueCapacity", "--max-queue"),
        ("ServeOptions.ApiKeyFile", "--api-key-file"),
        ("ServeOptions.MaxRequestBytes", "--max-request-mb"),
        ("ServeOptions.AllowedPathRoot", "--allow-paths"),
        ("ServeOptions.MaxImagePixels", "--max-image-pixels"),
        ("ServeOptions.MaxAudioSeconds", "--max-audio-seconds"),
        ("ServeOptions.Threads", "--threads"),
        ("ClusterRunOptions.Media", "--media"),
        ("WorkerSettings.SharedMedia", "--shared-media"),
        ("EvaluationOptions.Selection", "--select"),
        ("SelectionOptions.InnerFolds", "--select-folds"),
        ("SelectionOptions.InnerRepeats", "--select-repeats"),
        ("SelectionOptions.EnsembleRounds", "--select-rounds"),
    ];

    /// <summary>The message with every setting the library names replaced by its flag.</summary>
    public static string Map(string message)
    {
        if (!message.Contains("Options.", StringComparison.Ordinal) && !message.Contains("Choices.", StringComparison.Ordinal)
            && !message.Contains("Settings.", StringComparison.Ordinal))
            return message;
        message = RoleWithColumn().Replace(message, m => $"--{m.Groups[1].Value.ToLowerInvariant()} {m.Groups[2].Value}");
        message = Role().Replace(message, m => "--" + m.Groups[1].Value.ToLowerInvariant());
        message = Assigned().Replace(message, m => $"{Flag(m.Groups[1].Value)} {m.Groups[2].Value.ToLowerInvariant()}");
        foreach (var (setting, flag) in Settings)
            message = message.Replace(setting, flag, StringComparison.Ordinal);
        return message;
    }

    private static string Flag(string setting) => Settings.FirstOrDefault(s => s.Setting == setting).Flag ?? setting;

    [GeneratedRegex("""DatasetOptions\.Roles\[(\w+)\] = \["([^"]*)"\]""")]
    private static partial Regex RoleWithColumn();

    [GeneratedRegex(@"DatasetOptions\.Roles\[(\w+)\]")]
    private static partial Regex Role();

    [GeneratedRegex(@"(DatasetOptions\.BadRows|DatasetOptions\.Task|ClusterRunOptions\.Media) = (\w+)")]
    private static partial Regex Assigned();
}
