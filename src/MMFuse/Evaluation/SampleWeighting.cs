using MMFuse.Data;

namespace MMFuse.Evaluation;

/// <summary>
/// The weights of a learning run: a sample weight per row (<see cref="DatasetOptions.Weight"/>; null for none) and
/// the class weighting (<see cref="EvaluationOptions.ClassWeight"/>). Training rows get the product of both, the class
/// part counted on the training rows alone; metrics are weighted by the sample weights only, as scikit-learn's
/// <c>sample_weight</c> (class weighting changes the fit, not what a test row counts).
/// </summary>
/// <param name="Rows">One non-negative weight per row of the data; null for none.</param>
/// <param name="Classes">Class weighting of the training rows.</param>
public sealed record SampleWeighting(float[]? Rows, ClassWeight Classes = ClassWeight.None)
{
    /// <summary>True when metrics are weighted (sample weights were given).</summary>
    public bool WeightsMetrics => Rows is not null;

    /// <summary>True when training rows get weights at all.</summary>
    public bool WeightsTraining => Rows is not null || Classes != ClassWeight.None;

    /// <summary>The weights of training rows <paramref name="train"/> (indices into the data), repeated
    /// <paramref name="copies"/> times (the rows, then each augmented variant of them); null when nothing is weighted.
    /// Class weighting applies to single-label classification only.</summary>
    public float[]? ForTraining(int[] train, float[] targets, TaskKind task, int classCount, int copies = 1)
    {
        if (!WeightsTraining)
            return null;
        var weights = train.Select(i => Rows?[i] ?? 1f).ToArray();
        if (Classes == ClassWeight.Balanced && task is not (TaskKind.Regression or TaskKind.Multilabel))
        {
            var balanced = Balanced(train.Select(i => targets[i]).ToArray(), classCount);
            for (var r = 0; r < weights.Length; r++)
                weights[r] *= balanced[r];
        }
        return Enumerable.Repeat(weights, copies).SelectMany(w => w).ToArray();
    }

    /// <summary>The sample weights of test rows <paramref name="test"/>; null without sample weights.</summary>
    public float[]? ForTest(int[] test) => Rows is null ? null : test.Select(i => Rows[i]).ToArray();

    /// <summary>scikit-learn's <c>compute_class_weight("balanced")</c> per row: n_samples / (n_classes · count(class)),
    /// n_classes counting the classes present in <paramref name="targets"/>.</summary>
    public static float[] Balanced(IReadOnlyList<float> targets, int classCount)
    {
        var counts = new int[classCount];
        foreach (var t in targets)
            counts[(int)t]++;
        var present = counts.Count(c => c > 0);
        return targets.Select(t => (float)((double)targets.Count / (present * counts[(int)t]))).ToArray();
    }

    /// <summary>What the weighting is, for JSON and reports: <c>sample weights (column w), class weight balanced</c>.</summary>
    public static string Describe(string? column, ClassWeight classes) => (column, classes) switch
    {
        (null, ClassWeight.None) => "none",
        (null, _) => $"class weight {classes.ToString().ToLowerInvariant()}",
        (_, ClassWeight.None) => $"sample weights (column {column})",
        _ => $"sample weights (column {column}), class weight {classes.ToString().ToLowerInvariant()}",
    };
}
