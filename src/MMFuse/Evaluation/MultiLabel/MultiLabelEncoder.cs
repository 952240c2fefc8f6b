using MMFuse.Data;
using MMFuse.Features.Extraction;

namespace MMFuse.Evaluation.MultiLabel;

/// <summary>Turns a multi-label table's label cells into learner targets: each row's label set as a
/// <see cref="LabelSetCode"/>, over the labels in <see cref="LabelOrder"/> (the label map stored with a model).</summary>
public static class MultiLabelEncoder
{
    /// <summary>The targets of the rows <paramref name="keep"/> and the label names; throws
    /// <see cref="MMFuseInputException"/> with fewer than 2 or more than <see cref="LabelSetCode.MaxLabels"/> labels.</summary>
    public static (float[] Targets, IReadOnlyList<string> Labels) Encode(FeatureTable table, IReadOnlyList<int> keep)
    {
        var schema = table.Schema;
        var sets = keep.Select(i => MultiLabelCells.Of(schema, c => table.Values[c][i])).ToArray();
        var labels = schema.MoreLabels.Count > 0 ? schema.LabelColumns : LabelOrder.Sort(sets.SelectMany(s => s).Distinct(StringComparer.Ordinal));
        if (labels.Count < 2)
            throw new MMFuseInputException($"label column '{schema.Label}' holds {labels.Count} distinct label(s); a multilabel task needs at least two");
        if (labels.Count > LabelSetCode.MaxLabels)
            throw new MMFuseInputException($"label column '{schema.Label}' holds {labels.Count} distinct labels; a multilabel task takes at most {LabelSetCode.MaxLabels}");
        var targets = sets.Select(set => LabelSetCode.Encode(labels.Select(l => set.Contains(l)).ToArray())).ToArray();
        return (targets, labels);
    }
}
