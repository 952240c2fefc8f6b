using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Calibration;
using MMFuse.Features;
using MMFuse.Features.Extraction;
using MMFuse.Fusion;
using MMFuse.Fusion.Explanation;

namespace MMFuse;

/// <summary>
/// A trained model: the fusion model with the featurisers fitted with it, the extractors it expects and the label's
/// classes. Predicts rows from a table or built in code exactly as the training rows were featurised. Holds native
/// memory (networks): dispose it.
/// </summary>
/// <example>
/// <code>
/// using var model = MultimodalModel.Load("avdigits.mmf");
/// var predictions = model.Predict("new.csv");
/// predictions.WriteCsv("predictions.csv");
/// </code>
/// </example>
public sealed class MultimodalModel : IDisposable
{
    private readonly ModelFile _file;

    // Encoders stay loaded between Predict calls: a model that predicts repeatedly pays for its ONNX sessions once.
    private readonly ExtractorPool _extractors = new();

    private MultimodalModel(ModelFile file) => _file = file;

    /// <summary>The model file's manifest: schema, extractors, fusion, label map, seed, training metrics, format version.</summary>
    public ModelManifest Manifest => _file.Manifest;

    /// <summary>Binary, multiclass or regression.</summary>
    public TaskKind Task => _file.Task;

    /// <summary>Class names in output order (empty for regression); the label names for multilabel.</summary>
    public IReadOnlyList<string> Classes => _file.Manifest.LabelMap;

    /// <summary>The columns a row needs (any may be absent from a row: that modality is then missing).</summary>
    public IReadOnlyList<string> Columns => _file.Plan.Columns.ToList();

    /// <summary>Each needed column's role (image, audio, text, numeric, categorical).</summary>
    public IReadOnlyDictionary<string, ColumnRole> Roles => _file.Plan.Columns.ToDictionary(c => c, c => _file.Manifest.Schema.Columns.First(s => s.Name == c).Role);

    /// <summary>The modality blocks the fusion model reads, in order.</summary>
    public IReadOnlyList<string> Modalities => _file.Plan.Pretrained.Concat(_file.Plan.Tfidf.Select(_file.Plan.TfidfBlock)).Concat(_file.Plan.Tabular.Count > 0 ? ["tabular"] : []).ToList();

    /// <summary>The fusion family (<c>early</c>, <c>late</c>, <c>joint</c>, ...).</summary>
    public string Fusion => _file.Manifest.Fusion["fusion"]?.GetValue<string>() ?? "unknown";

    /// <summary>The strategy's leaderboard name (<c>early/logreg</c>, <c>joint-gated</c>, ...).</summary>
    public string Strategy => _file.Manifest.Fusion["strategy"]?.GetValue<string>() ?? Fusion;

    /// <summary>The calibration fitted at training (out of fold), or null when the model was trained without.</summary>
    public ModelCalibration? Calibration => _file.Calibration;

    /// <summary>How the training rows were weighted (sample-weight column, class weighting), or null when they were not.
    /// Prediction needs no weights.</summary>
    public ManifestWeighting? Weighting => _file.Manifest.Weighting;

    /// <summary>Metrics on the training rows themselves (optimistic; cross-validate for honest ones).</summary>
    public IReadOnlyDictionary<string, double> TrainingMetrics => _file.Manifest.TrainingMetrics;

    /// <summary>Reads a model file; with a key, refuses a file not signed with it.</summary>
    /// <exception cref="MMFuseInputException">The file is damaged, too large, unsigned when a key is given, or not an MMFuse model.</exception>
    public static MultimodalModel Load(string path, ModelSigningKey? signingKey = null) => new(ModelFile.Load(path, signingKey));

    /// <summary>Writes one model file atomically, signed (HMAC-SHA256) when a key is given; returns the manifest as written.</summary>
    public ModelManifest Save(string path, ModelSigningKey? signingKey = null) => _file.Save(path, signingKey);

    /// <summary>Predicts the rows of a table: its columns the model needs keep their training roles, the others are ignored.</summary>
    /// <param name="path">A CSV, TSV, JSON Lines or Parquet table; no label needed.</param>
    /// <param name="options">The id column, bad-row policy, explanations, threads, cache.</param>
    /// <param name="progress">Extraction progress and notes.</param>
    /// <param name="cancel">Stops between extraction chunks.</param>
    public PredictionSet Predict(string path, PredictOptions? options = null, IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        options ??= new PredictOptions();
        var manifest = Data.Manifest.Open(path);
        var schema = ForcedSchema.For(_file, manifest, options.IdColumn) with { MaxTextChars = options.MaxTextChars };
        var table = FeatureTable.Load(manifest, schema, options.BadRows);
        return Predict(table, options, options.BadRows, progress, cancel);
    }

    /// <summary>Predicts rows built in code: images and audio as bytes, text and numbers as values (see <see cref="MultimodalRow"/>).</summary>
    /// <exception cref="MMFuseInputException">A row names an unknown column, or a value does not fit its column; the message names row index and column.</exception>
    public PredictionSet Predict(IReadOnlyList<MultimodalRow> rows, PredictOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new PredictOptions();
        var table = RowTable.Build(rows, _file, options);
        // Extraction marks a file it cannot decode absent instead of failing the whole set, so the refusal can name
        // that row by its index in the list, like every other check on rows built in code.
        var set = Predict(table, options with { BadRows = BadRowPolicy.Fail }, BadRowPolicy.Missing, null, cancel);
        if (set.FileFailures.Count > 0)
        {
            var first = set.FileFailures[0];
            throw RowTable.Problem((int)first.Row - 1, first.Column, first.Reason);
        }
        return set;
    }

    /// <summary>
    /// Checks rows built in code as <see cref="Predict(IReadOnlyList{MultimodalRow}, PredictOptions?, CancellationToken)"/>
    /// would, without computing a feature: columns, value types, media formats and sizes, each image's pixel count read
    /// from its header and each WAV clip's duration read from its header. Cheap enough to run on every request before
    /// rows from several callers are predicted together, so one caller's bad row fails only that caller.
    /// </summary>
    /// <exception cref="MMFuseInputException">A row does not fit; <see cref="MMFuseInputException.RowIndex"/> and <see cref="MMFuseInputException.Column"/> say where.</exception>
    public void Validate(IReadOnlyList<MultimodalRow> rows, PredictOptions? options = null)
    {
        options ??= new PredictOptions();
        RowMediaCheck.Run(RowTable.Build(rows, _file, options), options);
    }

    /// <summary>
    /// Predicts one made-up row with every column filled, so every encoder the model uses is loaded (and kept loaded
    /// for later predictions) before the first real row arrives — what a server does before it reports ready.
    /// </summary>
    /// <returns>How long the warm-up took.</returns>
    public TimeSpan WarmUp(PredictOptions? options = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        options ??= new PredictOptions();
        Predict([WarmUpRow.For(Roles, options)], options with { UseCache = false, Explain = Task != TaskKind.Multilabel });
        return clock.Elapsed;
    }

    private PredictionSet Predict(FeatureTable table, PredictOptions options, BadRowPolicy extractionPolicy, IProgress<MMFuseProgress>? progress,
        CancellationToken cancel)
    {
        var cacheOptions = new DatasetOptions { CacheFolder = options.CacheFolder, Threads = options.Threads };
        using var cache = options.UseCache ? PreparedData.OpenCache(cacheOptions, progress) : Features.Caching.FeatureCache.Bypass();
        var extraction = new ExtractionOptions
        {
            Threads = options.Threads, Policy = extractionPolicy, MaxImagePixels = options.MaxImagePixels, MaxAudioSeconds = options.MaxAudioSeconds,
        };
        var pooled = _extractors.TryAcquire();
        FeatureSet features;
        IReadOnlyList<ColumnExtraction> extractions;
        int[] keep;
        try
        {
            (features, extractions, keep) = _file.Plan.Build(table, cache, extraction with { Pool = pooled ? _extractors : null }, progress, cancel);
        }
        finally
        {
            if (pooled)
                _extractors.Release();
        }
        CheckExtractors(extractions);
        var blocks = _file.Fitted.Transform(features);
        var outputs = _file.Model.Predict(blocks);
        var patterns = PresenceSubsets.Of(blocks);
        if (_file.Calibration is { } calibration && Task != TaskKind.Regression)
            outputs = calibration.Calibrator.Apply(outputs, patterns);
        if (options.Explain && Task == TaskKind.Multilabel)
            throw new MMFuseInputException("PredictOptions.Explain: modality explanations are for single-label models, not multilabel ones");
        var explanations = options.Explain ? ModalityShapley.Explain(_file.Model, blocks, Task) : null;
        var absent = keep.Select((_, r) => (IReadOnlyList<string>)blocks.Where(b => !b.Present[r]).Select(b => b.Modality).ToList()).ToList();
        return new PredictionSet(Task, Classes, keep.Select(i => table.Ids[i]).ToList(), outputs, explanations, absent,
            table.Inspection, extractions.SelectMany(e => e.Report.Failures).ToList(), options.BadRows)
        {
            Conformal = _file.Calibration is { Coverage: not null } c ? c : null,
            LabelSeparator = _file.Manifest.Schema.LabelSeparator ?? SchemaInferrer.DefaultLabelSeparator,
        };
    }

    /// <summary>Features from another extractor version or model would not mean what the model learned.</summary>
    private void CheckExtractors(IReadOnlyList<ColumnExtraction> extractions)
    {
        foreach (var extraction in extractions)
        {
            var trained = _file.Manifest.Extractors.First(e => e.Column == extraction.Column.Name).ToSignature();
            if (trained != extraction.Report.Extractor)
                throw new MMFuseInputException($"column '{extraction.Column.Name}': the model was trained with {trained.Id} {trained.Version} " +
                    $"(model {Short(trained.ModelHash)}), but this MMFuse computes {extraction.Report.Extractor.Id} {extraction.Report.Extractor.Version} " +
                    $"(model {Short(extraction.Report.Extractor.ModelHash)}); retrain the model");
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "none" : hash;

    /// <summary>Fits features and the strategy on all rows; the metrics are on the training rows themselves, named train_*.</summary>
    internal static MultimodalModel Fit(PreparedData data, IFusionStrategy strategy, EvaluationOptions options, int threads, CancellationToken cancel)
    {
        ModelCalibration? calibration = null;
        if (options.Calibration != CalibrationKind.None || options.Coverage is not null)
        {
            // Inner folds over every row, seeded as the training: what models that never saw a row said about it.
            var split = data.Groups is not null ? Split.GroupKFold(seed: options.Seed)
                : data.Task == TaskKind.Regression ? Split.KFold(seed: options.Seed) : Split.StratifiedKFold(seed: options.Seed);
            calibration = CalibrationFitter.Fit(data.Features, data.Targets, data.Task, data.ClassCount, data.Folds(split), strategy, options.Normalize,
                options.Seed, threads, data.Augmented, data.Patterns, options.Calibration, options.Coverage, cancel);
        }
        var all = Enumerable.Range(0, data.Targets.Length).ToArray();
        var (rows, targets) = CrossValidator.TrainingRows(data.Features, data.Targets, all, data.Augmented);
        var fitted = FittedFeatures.Fit(rows);
        var weighting = data.Weighting(options);
        var model = MMFuse.Fusion.MultiLabel.BinaryRelevanceStrategy.For(strategy, data.Task).Fit(new FusionTrainingSet(fitted.Transform(rows), targets, data.Task, data.ClassCount, options.Seed, options.Normalize)
        {
            Weights = weighting?.ForTraining(all, data.Targets, data.Task, data.ClassCount, targets.Length / Math.Max(1, all.Length)),
        });
        var blocks = fitted.Transform(data.Features);
        var scores = FoldScorer.Score(data.Task, data.ClassCount, model.Predict(blocks), data.Targets, data.Weights)
            .Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => "train_" + kv.Key, kv => kv.Value);
        var file = ModelFile.Create(data, fitted, model, options.Seed, scores);
        var manifest = weighting is null ? file.Manifest
            : file.Manifest with { Weighting = new ManifestWeighting(data.Table.Schema.WithRole(ColumnRole.Weight).FirstOrDefault()?.Name, options.ClassWeight) };
        return new MultimodalModel(file with { Manifest = manifest, Calibration = calibration });
    }

    /// <summary>Releases the networks' native memory.</summary>
    public void Dispose()
    {
        _extractors.Dispose();
        _file.Model.Dispose();
    }
}
