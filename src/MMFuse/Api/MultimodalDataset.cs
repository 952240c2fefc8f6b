using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Evaluation;
using MMFuse.Features.Extraction;
using MMFuse.Fusion;

namespace MMFuse;

/// <summary>
/// A table of images, audio, text, numbers and categories with a label, validated and ready to learn from: the entry
/// point of the library, as <c>MLContext</c> is ML.NET's. Features are extracted once (cached by content) and shared
/// by every call; everything fitted (tf-idf, normalisation, learners) is fitted on each fold's training rows only.
/// </summary>
/// <example>
/// <code>
/// var data = MultimodalDataset.Load("samples/avdigits/avdigits.csv", label: "digit");
/// var board = data.Compare(Strategies.All, Split.StratifiedKFold(5));
/// using var model = data.Train(board.Best);
/// model.Save("avdigits.mmf");
/// </code>
/// </example>
public sealed partial class MultimodalDataset
{
    private readonly Lock _gate = new();
    private PreparedData? _prepared;

    private MultimodalDataset(FeatureTable table, DatasetOptions options)
    {
        Table = table;
        Options = options;
    }

    /// <summary>Reads and validates a table (CSV, TSV, JSON Lines or Parquet); roles are inferred unless <see cref="DatasetOptions.Roles"/> forces them.</summary>
    /// <param name="path">The table; file paths in its cells are relative to its folder.</param>
    /// <param name="label">The column to predict (overrides <see cref="DatasetOptions.Label"/>).</param>
    /// <param name="options">Everything else; defaults as the CLI's.</param>
    /// <exception cref="MMFuseInputException">The table or a row is not usable; the message names row, column and reason.</exception>
    public static MultimodalDataset Load(string path, string? label = null, DatasetOptions? options = null)
    {
        options ??= new DatasetOptions();
        if (label is not null) options = options with { Label = label };
        options.Validate();
        if (options.LabelColumns is { Count: > 0 } labels) options = options with { Label = labels[0] };
        var table = FeatureTable.Load(Manifest.Open(path), options.ToSchemaOptions(), options.BadRows);
        if (options.Strict)
            Strict(table.Inspection.DataWarnings);
        return new MultimodalDataset(table, options);
    }

    /// <summary>Infers each column's role and validates every row without keeping the cells: the table's shape, its
    /// label, its bad rows and its data warnings (which, with <see cref="DatasetOptions.Strict"/>, are errors).</summary>
    public static InspectionResult Inspect(string path, DatasetOptions? options = null)
    {
        options ??= new DatasetOptions();
        options.Validate();
        return ManifestInspector.Inspect(Manifest.Open(path), options.ToSchemaOptions(), options.BadRows);
    }

    /// <summary>The options the table was loaded with.</summary>
    public DatasetOptions Options { get; }

    /// <summary>The validated cells, column by column.</summary>
    public FeatureTable Table { get; }

    /// <summary>What validation found: columns with their roles and statistics, the label, skipped rows, notes.</summary>
    public InspectionResult Inspection => Table.Inspection;

    /// <summary>Each column's role and the label.</summary>
    public DatasetSchema Schema => Table.Schema;

    /// <summary>The task: binary, multiclass or regression.</summary>
    public TaskKind Task => Schema.Task ?? throw new MMFuseInputException("a label is needed to learn: name the column to predict");

    /// <summary>What may make scores lie: a column that gives the label away, an id-like feature, a missing-value pattern.</summary>
    public IReadOnlyList<DataWarning> Warnings => Inspection.DataWarnings;

    /// <summary>Notes on the table (odd cells, text cut to the limit, rows skipped).</summary>
    public IReadOnlyList<string> Notes => Inspection.Warnings;

    /// <summary>Rows that learning uses, once features are extracted: rows skipped for bad files or duplicates are left out.</summary>
    public int RowsUsed => Prepare(null, default).Targets.Length;

    /// <summary>The class names in label order (empty for regression), once features are extracted.</summary>
    public IReadOnlyList<string> Classes => Prepare(null, default).Classes;

    /// <summary>The modality blocks learning sees (a column per image, audio and text column, plus <c>tabular</c>).</summary>
    public IReadOnlyList<string> Modalities => Prepare(null, default).Features.BlockNames.ToList();

    /// <summary>What weighs rows in learning and scoring (<see cref="DatasetOptions.Weight"/>, <see cref="EvaluationOptions.ClassWeight"/>):
    /// <c>none</c>, or e.g. <c>sample weights (column w), class weight balanced</c>. Metrics are weighted when a weight column is given.</summary>
    public string Weighting(EvaluationOptions? options = null) => SampleWeighting.Describe(Options.Weight, (options ?? new EvaluationOptions()).ClassWeight);

    /// <summary>True when the rows have groups (a group column, or <see cref="DatasetOptions.Groups"/>), so grouped folds apply.</summary>
    public bool HasGroups => Options.Groups is not null || Schema.GroupColumn is not null;

    /// <summary>Seconds spent extracting features for learning (0 before <see cref="Featurize"/>).</summary>
    public double FeatureSeconds => _prepared?.FeatureSeconds ?? 0;

    /// <summary>Files that failed to decode under the <c>skip</c> or <c>missing</c> policy, once features are extracted.</summary>
    public IReadOnlyList<DataIssue> FileFailures => Prepare(null, default).Extractions.SelectMany(e => e.Report.Failures).ToList();

    /// <summary>Extracts the features learning needs (once; later calls return at once). Every learning call does this itself.</summary>
    public IReadOnlyList<ColumnExtraction> Featurize(IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default) =>
        Prepare(progress, cancel).Extractions;

    /// <summary>The pretrained column extractions <see cref="Featurize"/> (<paramref name="all"/> false) or <see cref="ExtractAll"/>
    /// (true) run: what a cluster client computes on workers ahead of them.</summary>
    public IReadOnlyList<PlannedExtraction> PlanExtraction(bool all) => PlannedExtraction.Of(Table, Options, all);

    /// <summary>Features for every image, audio and text column (tf-idf fitted on all rows: for a look or an export, not for evaluation).</summary>
    public FeatureExtraction ExtractAll(IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        using var cache = PreparedData.OpenCache(Options, progress);
        var choices = PreparedData.ResolveChoices(Table, Options.Extractors, progress);
        var results = ExtractionRunner.RunAll(Table, choices, cache, Options.ToExtractionOptions(), progress, cancel);
        var keep = ExtractionRunner.KeptRows(Table, results, Options.BadRows);
        return new FeatureExtraction(results, keep.Select(i => Table.Ids[i]).ToList(), keep, cache.Folder);
    }

    /// <summary>Cross-validates one strategy.</summary>
    /// <param name="strategy">Built with <see cref="Strategies"/>.</param>
    /// <param name="split">The folds; stratified 5-fold (or grouped 5-fold when the rows have groups) when null.</param>
    /// <param name="options">Normalisation, seed, test-time absence.</param>
    /// <param name="progress">Extraction progress and notes.</param>
    /// <param name="cancel">Stops between folds and extraction chunks.</param>
    public EvaluationRun Evaluate(IFusionStrategy strategy, SplitSpec? split = null, EvaluationOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        options ??= new EvaluationOptions();
        var data = Prepare(progress, cancel);
        CheckMultiLabel(data, options);
        if (options.Tuning is not null)
            return Tune(Evaluation.Tuning.SearchSpace.Of(strategy, data.Features), split, options, progress, cancel);
        split ??= DefaultSplit(data);
        var folds = data.Folds(split);
        var warnings = FoldWarnings(data, folds, progress);
        var result = CrossValidator.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, strategy, options.Normalize, options.Seed,
            Options.Threads, data.Augmented, options.TestMissing, data.TestFeatures, cancel, options.Runner, data.Weighting(options));
        return new EvaluationRun(this, strategy, result, split, folds, warnings, options, clock.Elapsed.TotalSeconds)
        {
            Calibration = CalibrationOf(result, data, options),
            TextChoices = TextChoices(data, folds, options, progress),
        };
    }

    /// <summary>
    /// Scores several strategies under the very same folds, best first. With no list, runs <see cref="Strategies.All"/> plus each
    /// modality alone with its best learner. Under grouped folds every strategy is also scored under random folds, so the
    /// gap between seen and unseen groups shows.
    /// </summary>
    public Leaderboard Compare(IEnumerable<IFusionStrategy>? strategies = null, SplitSpec? split = null, EvaluationOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        options ??= new EvaluationOptions();
        var data = Prepare(progress, cancel);
        CheckMultiLabel(data, options);
        var blocks = data.Features.BlockNames.ToList();
        var list = strategies?.ToList() ?? StrategyCatalog.Create(StrategyCatalog.Defaults.Concat(StrategyCatalog.UnimodalNames(blocks)), null, blocks);
        if (list.Count == 0)
            throw new MMFuseInputException("strategies: give at least one strategy to compare");
        split ??= DefaultSplit(data);
        var folds = data.Folds(split);
        var warnings = FoldWarnings(data, folds, progress).ToList();
        var metric = Comparison.MainMetric(data.Task);
        var all = Comparison.RunAll(data.Features, data.Targets, data.Task, data.ClassCount, folds, list, options.Normalize, options.Seed, Options.Threads,
            (s, r) => progress?.Report(new StrategyFinished(s.Name, metric, r.Metrics[metric].Mean, r.Seconds)), data.Augmented, options.TestMissing,
            data.TestFeatures, cancel, options.Runner, data.Weighting(options));
        var ranked = Comparison.ForLeaderboard(all, data.Task);
        if (UnimodalLeakCheck.Check(ranked, data.Task) is { } leak)
        {
            Report([leak], progress);
            warnings.Add(leak);
        }
        var random = RandomFoldScores(data, split, list, options, metric, progress, cancel);
        var rows = ranked.Select(r =>
        {
            var strategy = r.StrategyObject ?? throw new InvalidOperationException($"the result of '{r.Strategy}' lost its strategy");
            IReadOnlyList<string> modalities = strategy is UnimodalStrategy u ? [u.Block] : blocks;
            return new LeaderboardRow(strategy, r, modalities, r.Metrics[metric].Mean, random?.GetValueOrDefault(strategy));
        }).ToList();
        var selection = CompareSelection.Resolve(options, data.Targets.Length, split, data.Task);
        var (choice, nested) = selection == Selection.Nested
            ? CompareSelection.Nested(data, split, folds, list, all, options, Options.Threads, progress, cancel)
            : (null, null);
        return new Leaderboard(this, split, folds, rows, warnings, options, clock.Elapsed.TotalSeconds + data.FeatureSeconds)
        {
            Selection = selection,
            Choice = choice,
            Nested = nested,
            TextChoices = TextChoices(data, folds, options, progress),
        };
    }

    /// <summary>Fits the strategy on every row (features fitted on them too) into a model that predicts new rows the same way.</summary>
    /// <returns>A model holding native memory: dispose it.</returns>
    public MultimodalModel Train(IFusionStrategy strategy, EvaluationOptions? options = null, IProgress<MMFuseProgress>? progress = null,
        CancellationToken cancel = default)
    {
        options ??= new EvaluationOptions();
        var data = Prepare(progress, cancel);
        CheckMultiLabel(data, options);
        cancel.ThrowIfCancellationRequested();
        if (options.Tuning is not null)
            return TrainTuned(Evaluation.Tuning.SearchSpace.Of(strategy, data.Features), options, progress, cancel).Model;
        if (data.Features.AutoText.Count > 0)
            return ChooseText(data, options, progress).Train(strategy, options, progress, cancel);
        return MultimodalModel.Fit(data, strategy, options, Options.Threads, cancel);
    }

    /// <summary>The data set with each auto text column's blocks chosen on every row (as each fold chooses on its training
    /// rows), so the model file records the choice and prediction extracts only the chosen blocks.</summary>
    private MultimodalDataset ChooseText(PreparedData data, EvaluationOptions options, IProgress<MMFuseProgress>? progress)
    {
        var choice = TextFeatureChoice.Choose(data.Work([], options), Enumerable.Range(0, data.Targets.Length).ToArray());
        progress?.Report(new ProgressNote("text features: auto → " + TextFeatureChoice.Describe([choice])) { Kind = NoteKind.Decision });
        var byColumn = new Dictionary<string, string>(Options.Extractors.TextByColumn ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (column, chosen) in choice)
            byColumn[column] = chosen;
        return new MultimodalDataset(Table, Options with { Extractors = Options.Extractors with { TextByColumn = byColumn } });
    }

    /// <summary>Each fold's auto text choice (already made by the folds' jobs, so only looked up here), reported as a
    /// decision; null when no text column is left to auto.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>>? TextChoices(PreparedData data, IReadOnlyList<Fold> folds, EvaluationOptions options,
        IProgress<MMFuseProgress>? progress)
    {
        if (data.Features.AutoText.Count == 0 || options.Tuning is not null)
            return null;
        var perFold = TextFeatureChoice.PerFold(data.Work(folds, options));
        progress?.Report(new ProgressNote("text features: auto chose " + TextFeatureChoice.Describe(perFold)) { Kind = NoteKind.Decision });
        return perFold;
    }

    /// <summary>
    /// Analyses one strategy under cross-validation: each modality's contribution (ablation and reliance), robustness to
    /// noise and to missing modalities, calibration, per-class scores, bootstrap intervals, the confidently wrong rows and
    /// per-row modality explanations — what the HTML report shows, as objects.
    /// </summary>
    public Evaluation.Analysis.AnalysisResult Analyze(IFusionStrategy strategy, SplitSpec? split = null, EvaluationOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        options ??= new EvaluationOptions();
        var data = Prepare(progress, cancel);
        if (data.Task == TaskKind.Multilabel)
            throw new MMFuseInputException("Analyze: the analyses are for single-label tasks; a multilabel evaluation reports per-label scores (EvaluationRun.PerLabel)");
        var folds = data.Folds(split ?? DefaultSplit(data));
        using var cache = PreparedData.OpenCache(Options, progress);
        var noise = new Reporting.Runs.NoiseInputs(data, cache, Options.ToExtractionOptions(), options.Seed, expensiveToo: false, progress, cancel).Providers;
        cancel.ThrowIfCancellationRequested();
        return Evaluation.Analysis.AnalysisRunner.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, strategy, options.Normalize,
            options.Seed, new Evaluation.Analysis.AnalysisOptions { Parallelism = Options.Threads }, noise);
    }

    /// <summary>Analyses a comparison's winner (modality contribution, robustness, calibration, confidently wrong rows) and writes the one-file HTML report.</summary>
    public ReportResult WriteReport(Leaderboard board, string path, ReportOptions? options = null, IProgress<MMFuseProgress>? progress = null,
        CancellationToken cancel = default) =>
        Reporting.Runs.ReportRunner.Run(this, Prepare(progress, cancel),
            new Reporting.Runs.ReportRun(board.Split, board.Folds, board.Rows, board.Options, board.Warnings) { Selection = Reporting.Runs.SelectionSummary.Of(board) },
            path, options ?? new ReportOptions(), progress, cancel);

    /// <summary>The report for a single evaluated strategy.</summary>
    public ReportResult WriteReport(EvaluationRun run, string path, ReportOptions? options = null, IProgress<MMFuseProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var blocks = Modalities;
        var row = new LeaderboardRow(run.Strategy, run.Result, blocks, run.Result.Metrics[Comparison.MainMetric(Task)].Mean, null);
        return Reporting.Runs.ReportRunner.Run(this, Prepare(progress, cancel), new Reporting.Runs.ReportRun(run.Split, run.Folds, [row], run.Options, run.Warnings) { Calibration = run.Calibration },
            path, (options ?? new ReportOptions()) is var o && o.Tuning is null && run.Tuning is not null ? o with { Tuning = run.Tuning } : o, progress, cancel);
    }

    /// <summary>Recalibration and conformal sets are for single-label tasks.</summary>
    private static void CheckMultiLabel(PreparedData data, EvaluationOptions options)
    {
        if (data.Task == TaskKind.Multilabel && (options.Calibration != Evaluation.Calibration.CalibrationKind.None || options.Coverage is not null))
            throw new MMFuseInputException("EvaluationOptions.Calibration and EvaluationOptions.Coverage are for single-label tasks, not multilabel ones");
        if (data.Task == TaskKind.Multilabel && options.ClassWeight != ClassWeight.None)
            throw new MMFuseInputException("EvaluationOptions.ClassWeight balances the classes of a single-label task; for a multilabel one give rows weights with DatasetOptions.Weight");
    }

    internal PreparedData Prepare(IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        lock (_gate)
            return _prepared ??= PreparedData.Prepare(Table, Options, progress, cancel);
    }

    private static SplitSpec DefaultSplit(PreparedData data) => data.Groups is not null
        ? Split.GroupKFold()
        : data.Task == TaskKind.Regression ? Split.KFold() : Split.StratifiedKFold();

    /// <summary>Rows whose content repeats across a fold's training and test parts.</summary>
    private List<DataWarning> FoldWarnings(PreparedData data, IReadOnlyList<Fold> folds, IProgress<MMFuseProgress>? progress)
    {
        List<DataWarning> found = data.Content.Value.FoldOverlap(folds) is { } overlap ? [overlap] : [];
        Report(found, progress);
        return found;
    }

    private void Report(IReadOnlyList<DataWarning> warnings, IProgress<MMFuseProgress>? progress)
    {
        if (Options.Strict)
            Strict(warnings);
        foreach (var warning in warnings)
            progress?.Report(new ProgressNote(warning.ToString(), IsWarning: true));
    }

    private static void Strict(IReadOnlyList<DataWarning> warnings)
    {
        if (warnings.Count > 0)
            throw new MMFuseInputException("DatasetOptions.Strict: the table has " + warnings.Count + " data warning(s):\n" + string.Join('\n', warnings.Select(w => "  " + w)));
    }

    /// <summary>Under grouped folds, each strategy's main metric under random (stratified) folds too; null under random folds.</summary>
    private Dictionary<IFusionStrategy, double>? RandomFoldScores(PreparedData data, SplitSpec split, IReadOnlyList<IFusionStrategy> strategies,
        EvaluationOptions options, string metric, IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        if (split.Kind is not (SplitKind.GroupKFold or SplitKind.LeaveOneGroupOut))
            return null;
        var kind = data.Task == TaskKind.Regression ? SplitKind.KFold : SplitKind.StratifiedKFold;
        var randomSplit = new SplitSpec(kind, split.Kind == SplitKind.GroupKFold ? split.Folds : 5, 1, split.Seed);
        progress?.Report(new ProgressNote($"the same strategies under random folds, {randomSplit.Describe()}, for the gap to grouped folds"));
        var folds = data.Folds(randomSplit);
        return Comparison.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, strategies, options.Normalize, options.Seed, Options.Threads,
                augmented: data.Augmented, testFeatures: data.TestFeatures, cancel: cancel, runner: options.Runner, weighting: data.Weighting(options))
            .ToDictionary<CrossValidationResult, IFusionStrategy, double>(r => r.StrategyObject!, r => r.Metrics[metric].Mean, ReferenceEqualityComparer.Instance);
    }
}
