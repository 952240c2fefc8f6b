using MMFuse.Data;
using MMFuse.Reporting;

namespace MMFuse.Tests.Reporting;

/// <summary>A report with every section filled, built on the embedded avdigits sample's real media files.</summary>
internal static class SampleReports
{
    public static readonly string[] Digits = [.. Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A hostile string: every report field that shows user text must escape it.</summary>
    public const string Hostile = "<script>alert('x')</script> & \"quotes\"";

    public static ReportModel Full() => new()
    {
        Title = "MMFuse report: avdigits",
        Subtitle = "compare · 5-fold stratified CV · seed 42 · " + Hostile,
        Task = TaskKind.Multiclass,
        MediaFolder = TestPaths.Samples("avdigits"),
        Dataset = new ReportDataset(
            "avdigits.csv",
            120,
            [new("id", "id"), new("image", "image"), new("audio", "audio"), new("digit", "label"), new(Hostile, "ignored")],
            [new("image", 0), new("audio", 7)],
            [.. Digits.Select((d, i) => new ReportCount(d, 10 + i % 4))]),
        Leaderboard = new ReportLeaderboard(
            [
                Row("late-fusion", "late (stacked)", ["image", "audio"], 0.942, 0.018, 12.4),
                Row("early-fusion", "early (concat)", ["image", "audio"], 0.925, 0.021, 9.8),
                Row("joint-mlp", "joint network", ["image", "audio"], 0.917, 0.030, 41.0),
                Row("image-only", "none", ["image"], 0.871, 0.025, 3.1),
                Row("audio-only", "none", ["audio"], 0.642, 0.044, 4.6),
            ],
            "late-fusion vs early-fusion: +0.017 accuracy, paired t-test p = 0.21 — not a significant difference."),
        Confusion = new ReportConfusion(Digits, Confusion()),
        PerClassF1 = [.. Digits.Select((d, i) => new ReportClassScore(d, 0.78 + 0.02 * ((i * 7) % 10), 12))],
        Contribution = new ReportContribution("accuracy",
            [new("image", 0.942, 0.642, 0.300), new("audio", 0.942, 0.871, 0.071), new(Hostile, 0.942, 0.950, -0.008)]),
        Robustness = new ReportRobustness("accuracy",
            [
                new("image", "missing fraction", [0, 0.25, 0.5, 0.75, 1], [0.942, 0.87, 0.80, 0.72, 0.64], 0.794,
                    Reference: [0.942, 0.85, 0.76, 0.70, 0.63], ReferenceName: "late fusion", EffectiveRobustnessGap: 0.021),
                new("audio", "noise level", [0, 1, 2, 3], [0.942, 0.93, 0.90, 0.88], 0.913,
                    XLabels: ["none", "20 dB", "10 dB", "0 dB"],
                    Reference: [0.942, 0.92, 0.91, 0.86], ReferenceName: "late fusion", EffectiveRobustnessGap: -0.004),
            ]),
        Reliability = new ReportReliability(
            [new(0.15, 0.10, 2), new(0.35, 0.30, 4), new(0.55, 0.45, 9), new(0.75, 0.70, 21), new(0.93, 0.96, 84)], 0.041),
        LearningCurves =
        [
            new("joint-mlp", [.. Enumerable.Range(0, 30).Select(e => 2.3 * Math.Exp(-e / 6.0) + 0.05)],
                [.. Enumerable.Range(0, 30).Select(e => 2.3 * Math.Exp(-e / 7.0) + 0.2 + 0.004 * e)]),
            new("joint-attention", [.. Enumerable.Range(0, 20).Select(e => 2.2 * Math.Exp(-e / 4.0) + 0.1)]),
        ],
        ConfidentlyWrong = WrongRows(),
    };

    private static ReportLeaderboardRow Row(string strategy, string fusion, string[] modalities, double acc, double sd, double seconds) =>
        new(strategy, fusion, modalities,
            [new("accuracy", acc, sd, acc - 1.96 * sd / Math.Sqrt(5), acc + 1.96 * sd / Math.Sqrt(5)),
             new("macro-F1", acc - 0.01, sd, acc - 0.01 - 0.02, acc - 0.01 + 0.02)],
            seconds);

    private static int[][] Confusion() =>
        [.. Enumerable.Range(0, 10).Select(t => Enumerable.Range(0, 10).Select(p => p == t ? 10 + t % 3 : (p == (t + 3) % 10 ? 2 : (p + t) % 7 == 0 ? 1 : 0)).ToArray())];

    private static ReportWrongRow[] WrongRows()
    {
        var images = Directory.GetFiles(TestPaths.Samples("avdigits", "images"), "*.png").Order(StringComparer.Ordinal).Take(3).ToArray();
        var rows = images.Select((image, i) =>
        {
            var stem = Path.GetFileNameWithoutExtension(image);
            return new ReportWrongRow(stem, Digits[i], Digits[(i + 3) % 10], 0.97 - 0.05 * i,
                // Relative paths, resolved against MediaFolder, as the manifest gives them.
                ImagePath: "images/" + stem + ".png", AudioPath: "audio/" + stem + ".wav",
                Text: i == 0 ? "spoken digit, speaker " + Hostile : null);
        }).ToList();
        rows.Add(new ReportWrongRow("gone", "1", "7", 0.81, ImagePath: "images/does-not-exist.png"));
        return [.. rows];
    }
}
