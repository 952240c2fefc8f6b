using MMFuse.Data;

namespace MMFuse.Evaluation;

/// <summary>Turns label cells into learner targets: class indices in <see cref="LabelOrder"/> for classification,
/// numbers for regression. The class list is the label map stored with a model.</summary>
public static class LabelEncoder
{
    /// <summary>The targets (class index or value per label) and the class list (empty for regression); throws
    /// <see cref="MMFuseInputException"/> on an empty label, or a non-numeric one for regression.</summary>
    public static (float[] Targets, IReadOnlyList<string> Classes) Encode(IReadOnlyList<string?> labels, TaskKind task)
    {
        var targets = new float[labels.Count];
        if (task == TaskKind.Regression)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                if (labels[i] is not { } text || !ColumnProfile.TryParseNumber(text, out var value))
                    throw new MMFuseInputException($"label value '{labels[i]}' at kept row {i + 1} is not a number");
                targets[i] = (float)value;
            }
            return (targets, []);
        }
        var classes = LabelOrder.Sort(labels.Select(l => l ?? throw new MMFuseInputException("a label is empty")).Distinct());
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
            targets[i] = index[labels[i]!];
        return (targets, classes);
    }
}
