using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Caching;
using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;
using MMFuse.Features.Text;
using Spectre.Console;

namespace MMFuse.Cli;

internal sealed record ColumnExtraction(ColumnSchema Column, FeatureBlock Block, ExtractionReport Report);

/// <summary>A seeded, cached variant of every row's features: an augmentation or a level of noise.</summary>
internal abstract record ExtractorVariant(string Label)
{
    public abstract IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor);
}

/// <summary>Augmented variant v of every row (training rows of a fold use them).</summary>
internal sealed record Augmentation(AugmentationOptions Options, int Seed, int Variant) : ExtractorVariant($" variant {Variant + 1}")
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) =>
        AugmentedExtractors.For(role, extractor, Options, Seed, Variant);
}

/// <summary>Noise level 1..4 of every row (robustness curves).</summary>
internal sealed record Noise(int Level, int Seed) : ExtractorVariant($" noise {Level}")
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) =>
        NoisyExtractors.For(role, extractor, Level, Seed);
}

/// <summary>Every row's audio with coloured noise added (--test-noise; the test part of each fold uses it).</summary>
internal sealed record TestNoiseVariant(Evaluation.TestNoise Noise) : ExtractorVariant($" {Noise.Describe()}")
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) => role == ColumnRole.Audio && extractor is AudioFeatureExtractor audio
        ? (IFeatureExtractor<T>)TestNoiseExtractors.For(audio, Noise)
        : throw new ArgumentException($"--test-noise applies to audio columns, not to a {role.Name()} column");
}

/// <summary>Runs the extractor chosen for each feature column, showing one progress bar per column.</summary>
internal static class ExtractionRunner
{
    public static List<ColumnExtraction> Run(CliContext context, FeatureTable table, ExtractorChoices choices, FeatureCache cache, ExtractionOptions options)
    {
        var columns = table.Schema.Columns.Where(c => c.Role is ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text).ToList();
        if (columns.Count == 0)
            throw new MMFuseInputException("the manifest has no image, audio or text column to extract features from");
        return Run(context, table, columns, choices, cache, options);
    }

    public static List<ColumnExtraction> Run(CliContext context, FeatureTable table, IReadOnlyList<ColumnSchema> columns, ExtractorChoices choices,
        FeatureCache cache, ExtractionOptions options, ExtractorVariant? variant = null)
    {
        if (columns.Count == 0)
            return [];
        var results = new List<ColumnExtraction>();
        context.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var tasks = columns.ToDictionary(c => c.Name, c => progress.AddTask($"{c.Name} ({c.Role.Name()}){variant?.Label}", autoStart: false, maxValue: table.Rows.Count));
                foreach (var column in columns)
                {
                    var task = tasks[column.Name];
                    task.StartTask();
                    var done = 0;
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    IProgress<int> onItems = new SyncProgress(n =>
                    {
                        var total = Interlocked.Add(ref done, n);
                        task.Value = total;
                        task.Description = $"{column.Name} ({column.Role.Name()}){variant?.Label} {total / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):F0} items/s";
                    });
                    var (block, report) = RunColumn(column, table.Cells[column.Name], choices, cache, options, onItems, variant);
                    task.Value = table.Rows.Count;
                    task.StopTask();
                    results.Add(new ColumnExtraction(column, block, report));
                }
            });
        return results;
    }

    private static (FeatureBlock, ExtractionReport) RunColumn(ColumnSchema column, IReadOnlyList<FeatureCell> cells, ExtractorChoices choices,
        FeatureCache cache, ExtractionOptions options, IProgress<int> progress, ExtractorVariant? variant)
    {
        (FeatureBlock, ExtractionReport) Pipeline<T>(IFeatureExtractor<T> extractor)
        {
            if (variant is null)
                return FeaturePipeline.Run(extractor, column.Name, cells, cache, options, progress);
            // The wrapper leaves the model to its owner (the using below); it only changes decoded inputs.
            var augmented = variant.Wrap(column.Role, extractor);
            return FeaturePipeline.Run(augmented, column.Name, cells, cache, options, progress);
        }

        switch (column.Role)
        {
            case ColumnRole.Image:
                using (var extractor = ImageFeatureExtractor.Create(choices.Image, options.MaxImagePixels))
                    return Pipeline(extractor);
            case ColumnRole.Text when choices.Text == "minilm":
                using (var extractor = new TextFeatureExtractor(new MiniLmEncoder()))
                    return Pipeline(extractor);
            case ColumnRole.Text when choices.Text == "tfidf":
                return TfidfBlock(column, cells, progress);
            case ColumnRole.Text:
                throw new MMFuseInputException($"--text-features: '{choices.Text}' is not one of minilm, tfidf");
            case ColumnRole.Audio:
                using (var extractor = AudioFeatureExtractor.Create(choices.Audio))
                    return Pipeline(extractor);
            default:
                throw new InvalidOperationException("not a feature column: " + column.Name);
        }
    }

    /// <summary>
    /// tf-idf is fitted, not pretrained: here it is fitted on every row given, which suits a look at the features
    /// or an export; evaluation refits it on the training rows of each fold.
    /// </summary>
    private static (FeatureBlock, ExtractionReport) TfidfBlock(ColumnSchema column, IReadOnlyList<FeatureCell> cells, IProgress<int> progress)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var present = cells.Select(c => !string.IsNullOrWhiteSpace(c.Text)).ToArray();
        var model = TfidfFeaturizer.Fit(cells.Where((_, i) => present[i]).Select(c => c.Text!).ToList());
        var vectors = model.Transform(cells.Where((_, i) => present[i]).Select(c => c.Text!).ToList());
        var rows = new float[cells.Count][];
        for (int i = 0, j = 0; i < cells.Count; i++)
            rows[i] = present[i] ? vectors[j++] : new float[model.Dimension];
        progress.Report(cells.Count);
        var signature = new ExtractorSignature(model.Id, model.Version, "", model.Dimension);
        var block = new FeatureBlock(column.Name, model.Id, model.Dimension, rows, present);
        return (block, new ExtractionReport(column.Name, signature, cells.Count, present.Count(p => p), 0, present.Count(p => p), [], clock.Elapsed.TotalSeconds));
    }

    /// <summary>Positions of the table rows that stay: under <c>skip</c>, a row whose file failed in any column leaves every block.</summary>
    public static int[] KeptRows(FeatureTable table, IEnumerable<ColumnExtraction> results, BadRowPolicy policy)
    {
        var bad = policy == BadRowPolicy.Skip ? results.SelectMany(r => r.Report.Failures).Select(f => f.Row).ToHashSet() : [];
        return Enumerable.Range(0, table.Rows.Count).Where(i => !bad.Contains(table.Rows[i])).ToArray();
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to a thread pool and reorder).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
