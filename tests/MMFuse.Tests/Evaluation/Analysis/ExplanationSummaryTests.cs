using MMFuse.Data;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Reporting;

namespace MMFuse.Tests.Evaluation.Analysis;

/// <summary>The analysis explains every out-of-fold row; the informative modality gets the credit in every class, and the report shows it.</summary>
public sealed class ExplanationSummaryTests
{
    [Fact]
    public void The_informative_modality_carries_every_class_and_the_report_shows_the_table()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 150);
        var analysis = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 1,
            new AnalysisOptions { Ablation = false, Robustness = false, BootstrapSamples = 50 });
        var explained = analysis.Explanations!;
        Assert.Equal(["a", "b"], explained.Modalities);
        Assert.Equal(150, explained.Rows.Count);
        Assert.Equal(150, explained.ClassCounts.Sum());
        foreach (var means in explained.ClassMeans)
            Assert.True(means[0] > 0.2 && Math.Abs(means[1]) < means[0] / 3, $"a {means[0]:F3}, b {means[1]:F3}");

        var html = HtmlReportWriter.Render(new ReportModel
        {
            Title = "t",
            Task = TaskKind.Multiclass,
            Explanations = new ReportExplanations(["a", "b"], [new ReportClassExplanation("cat", 5, [0.42, -0.01])]),
            ConfidentlyWrong = [new ReportWrongRow("r1", "cat", "dog", 0.9) { Contributions = [new("a", 0.5), new("b", -0.2)] }],
        }, new HtmlReportOptions());
        Assert.Contains("Modality explanations", html);
        Assert.Contains("+0.420", html);
        Assert.Contains("contributions: a +0.500, b -0.200", html);
    }
}
