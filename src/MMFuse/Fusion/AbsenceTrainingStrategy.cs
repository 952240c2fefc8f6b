using MMFuse.Features;

namespace MMFuse.Fusion;

/// <summary>
/// Trains a strategy to expect missing modalities: the training rows are kept and, for each modality, copied once
/// more with that modality absent (where the row has it and some other modality too), so a learner that only ever
/// saw complete rows does not meet its first half-empty row at prediction time. Only training rows are copied; the
/// test rows of a fold are never touched. The model is the inner strategy's, under the inner strategy's name.
/// </summary>
public sealed class AbsenceTrainingStrategy(IFusionStrategy inner) : IFusionStrategy
{
    /// <inheritdoc/>
    public string Name => inner.Name;

    /// <inheritdoc/>
    public string Fusion => inner.Fusion;

    /// <summary>The strategy trained on the expanded rows.</summary>
    public IFusionStrategy Inner => inner;

    /// <inheritdoc/>
    public IFusionModel Fit(FusionTrainingSet train) => inner.Fit(Expand(train));

    /// <summary>The training rows followed by one copy per modality with that modality absent.</summary>
    public static FusionTrainingSet Expand(FusionTrainingSet train)
    {
        var blocks = train.Blocks;
        if (blocks.Count < 2)
            return train;
        var rows = Enumerable.Range(0, train.Rows).ToList();
        var copies = blocks.Select((b, k) => rows.Where(r => b.Present[r] && blocks.Where((_, j) => j != k).Any(o => o.Present[r])).ToList()).ToList();
        var expanded = blocks.Select((block, k) =>
        {
            var values = new List<float[]>(block.Rows);
            var present = new List<bool>(block.Present);
            var empty = new float[block.Dimension];
            for (var c = 0; c < copies.Count; c++)
                foreach (var r in copies[c])
                {
                    values.Add(c == k ? empty : block.Rows[r]);
                    present.Add(c != k && block.Present[r]);
                }
            return block with { Rows = values.ToArray(), Present = present.ToArray() };
        }).ToList();
        var targets = train.Targets.Concat(copies.SelectMany(c => c.Select(r => train.Targets[r]))).ToArray();
        // Each copy keeps its row's weight, so a weighted row counts as much in every absence pattern.
        var weights = train.Weights is { } w ? w.Concat(copies.SelectMany(c => c.Select(r => w[r]))).ToArray() : null;
        return train with { Blocks = expanded, Targets = targets, Weights = weights };
    }
}
