using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Caching;
using MMFuse.Features.Images;
using MMFuse.Features.Text;

namespace MMFuse.Features.Extraction;

/// <summary>Runs the extractor chosen for each feature column over every row, reporting progress per column.</summary>
internal static class ExtractionRunner
{
    /// <summary>Every image, audio and text column of the table (what <c>extract</c> exports).</summary>
    public static List<ColumnExtraction> RunAll(FeatureTable table, ExtractorChoices choices, FeatureCache cache, ExtractionOptions options,
        IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        var columns = table.Schema.Columns.Where(c => c.Role is ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text).ToList();
        if (columns.Count == 0)
            throw new MMFuseInputException("the table has no image, audio or text column to extract features from");
        // Both text extractors: every such text column once with MiniLM (in column order with the others), then once
        // more with tf-idf under COLUMN:tfidf.
        var both = columns.Where(c => c.Role == ColumnRole.Text && choices.BothFor(c.Name)).ToList();
        var tfidfOnly = choices with { Text = "tfidf", TextByColumn = null };
        return [.. Run(table, columns, choices, cache, options, progress, cancel),
            .. Run(table, both, tfidfOnly, cache, options, progress, cancel).Select(r => r with { Block = r.Block with { Modality = r.Column.Name + ":tfidf" } })];
    }

    public static List<ColumnExtraction> Run(FeatureTable table, IReadOnlyList<ColumnSchema> columns, ExtractorChoices choices,
        FeatureCache cache, ExtractionOptions options, IProgress<MMFuseProgress>? progress, CancellationToken cancel, ExtractorVariant? variant = null)
    {
        var results = new List<ColumnExtraction>();
        foreach (var column in columns)
        {
            cancel.ThrowIfCancellationRequested();
            var total = table.Rows.Count;
            var done = 0;
            var clock = Stopwatch.StartNew();
            IProgress<int> onItems = new SyncProgress(n =>
            {
                var now = Interlocked.Add(ref done, n);
                progress?.Report(new ExtractionProgress(column.Name, column.Role, variant?.Label, Math.Min(now, total - 1), total,
                    now / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
            });
            var (block, report) = RunColumn(column, table.Cells[column.Name], choices, cache, options, onItems, variant, cancel);
            progress?.Report(new ExtractionProgress(column.Name, column.Role, variant?.Label, total, total, total / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
            results.Add(new ColumnExtraction(column, block, report));
        }
        return results;
    }

    private static (FeatureBlock, ExtractionReport) RunColumn(ColumnSchema column, IReadOnlyList<FeatureCell> cells, ExtractorChoices choices,
        FeatureCache cache, ExtractionOptions options, IProgress<int> progress, ExtractorVariant? variant, CancellationToken cancel)
    {
        (FeatureBlock, ExtractionReport) Pipeline<T>(IFeatureExtractor<T> extractor)
        {
            // The wrapper leaves the model to its owner (the using below); it only changes decoded inputs.
            var used = variant is null ? extractor : variant.Wrap(column.Role, extractor);
            return FeaturePipeline.Run(used, column.Name, cells, cache, options, progress, cancel);
        }

        // A pooled extractor stays with its pool; one made here is disposed here (owned).
        T Obtain<T>(string key, Func<T> create, out IDisposable? owned) where T : class, IDisposable
        {
            if (options.Pool is { } pool)
            {
                owned = null;
                return pool.Get(key, create);
            }
            var made = create();
            owned = made;
            return made;
        }

        switch (column.Role)
        {
            case ColumnRole.Image:
            {
                var extractor = Obtain($"image:{choices.Image}:{options.MaxImagePixels}", () => ImageFeatureExtractor.Create(choices.Image, options.MaxImagePixels), out var owned);
                using (owned)
                    return Pipeline(extractor);
            }
            case ColumnRole.Text when choices.TextFor(column.Name) == "tfidf":
                return TfidfBlock(column, cells, progress);
            // A plan's pretrained text columns are MiniLM's under minilm+tfidf and auto; their tf-idf part is fitted per fold.
            case ColumnRole.Text when choices.TextFor(column.Name) is "minilm" || choices.BothFor(column.Name):
            {
                var extractor = Obtain("text:minilm", () => new TextFeatureExtractor(new MiniLmEncoder()), out var owned);
                using (owned)
                    return Pipeline(extractor);
            }
            case ColumnRole.Text:
                throw new MMFuseInputException($"ExtractorChoices.Text: '{choices.TextFor(column.Name)}' is not one of minilm, tfidf, minilm+tfidf, auto (default is resolved first)");
            case ColumnRole.Audio:
            {
                var extractor = Obtain($"audio:{choices.Audio}:{options.MaxAudioSeconds:R}",
                    () => AudioFeatureExtractor.Create(choices.Audio, options.MaxAudioSeconds), out var owned);
                using (owned)
                    return Pipeline(extractor);
            }
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
        var clock = Stopwatch.StartNew();
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
