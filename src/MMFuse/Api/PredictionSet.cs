using MMFuse.Data;
using MMFuse.Evaluation.Calibration;
using MMFuse.Fusion.Explanation;
using MMFuse.IO;

namespace MMFuse;

/// <summary>
/// Predictions for a set of rows, in row order: per row its id, the model's outputs (one probability per class, or the
/// value), the modalities it lacked and, when asked, each modality's contribution. Rows left out under the
/// <c>skip</c> policy are not here; <see cref="Skipped"/> counts them.
/// </summary>
public sealed class PredictionSet
{
    internal PredictionSet(TaskKind task, IReadOnlyList<string> classes, IReadOnlyList<string> ids, float[][] outputs,
        IReadOnlyList<ModalityExplanation>? explanations, IReadOnlyList<IReadOnlyList<string>> absent, InspectionResult inspection,
        IReadOnlyList<DataIssue> fileFailures, BadRowPolicy policy)
    {
        (Task, Classes, Ids, Outputs, Explanations, Absent, Inspection, FileFailures, Policy) =
            (task, classes, ids, outputs, explanations, absent, inspection, fileFailures, policy);
    }

    /// <summary>Binary, multiclass or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>Class names in output order (empty for regression).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Each row's id.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Each row's outputs: probabilities in class order, or the one regression value.</summary>
    public float[][] Outputs { get; }

    /// <summary>Each row's modality contributions, when asked for; else null.</summary>
    public IReadOnlyList<ModalityExplanation>? Explanations { get; }

    /// <summary>Each row's absent modalities.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Absent { get; }

    /// <summary>What validation found in the rows (skipped rows, absent cells, notes).</summary>
    public InspectionResult Inspection { get; }

    /// <summary>Files that failed to decode (skipped or made absent by the policy).</summary>
    public IReadOnlyList<DataIssue> FileFailures { get; }

    /// <summary>The bad-row policy the rows were read with.</summary>
    public BadRowPolicy Policy { get; }

    /// <summary>The model's conformal threshold and coverage, when it was trained with one: sets (or intervals) per row.</summary>
    public ModelCalibration? Conformal { get; init; }

    /// <summary>Row <paramref name="index"/>'s conformal set, most probable first (classification); null without conformal prediction.</summary>
    public IReadOnlyList<string>? Set(int index) =>
        Conformal is { } c && Task != TaskKind.Regression ? SplitConformal.Set(Outputs[index], c.Quantile).Select(k => Classes[k]).ToList() : null;

    /// <summary>Row <paramref name="index"/>'s conformal interval (regression); null without conformal prediction.</summary>
    public (double Lower, double Upper)? Interval(int index) =>
        Conformal is { } c && Task == TaskKind.Regression ? (Outputs[index][0] - c.Quantile, Outputs[index][0] + c.Quantile) : null;

    /// <summary>Multilabel: the separator the predicted sets are joined with (the training one).</summary>
    public string LabelSeparator { get; init; } = SchemaInferrer.DefaultLabelSeparator;

    /// <summary>Multilabel: row <paramref name="index"/>'s predicted labels, in label order.</summary>
    public IReadOnlyList<string> LabelSet(int index) =>
        Classes.Where((_, l) => Evaluation.MultiLabel.MultiLabelOutput.Chosen(Outputs[index], l)).ToList();

    /// <summary>Number of rows predicted.</summary>
    public int Count => Ids.Count;

    /// <summary>Rows read but not predicted (bad rows under <c>skip</c>).</summary>
    public long Skipped => Inspection.RowsRead - Ids.Count;

    /// <summary>Row <paramref name="index"/> as a record: predicted class (or value), probabilities by class, absent modalities, contributions.</summary>
    public Prediction this[int index]
    {
        get
        {
            var output = Outputs[index];
            var explanation = Explanations?[index];
            if (Task == TaskKind.Regression)
                return new Prediction(Ids[index], null, output[0], null, Absent[index], explanation) { Interval = Interval(index) };
            if (Task == TaskKind.Multilabel)
            {
                var labels = LabelSet(index);
                return new Prediction(Ids[index], string.Join(LabelSeparator, labels), null,
                    Classes.Select((c, i) => KeyValuePair.Create(c, (double)output[i])).ToDictionary(), Absent[index], explanation) { Labels = labels };
            }
            var best = Array.IndexOf(output, output.Max());
            var probabilities = Classes.Select((c, i) => KeyValuePair.Create(c, (double)output[i])).ToDictionary();
            return new Prediction(Ids[index], Classes[best], null, probabilities, Absent[index], explanation) { Set = Set(index) };
        }
    }

    /// <summary>Every row as a <see cref="Prediction"/>.</summary>
    public IEnumerable<Prediction> Rows => Enumerable.Range(0, Count).Select(i => this[i]);

    /// <summary>The CSV <c>mmfuse predict</c> writes: id, prediction, p_CLASS per class, and with explanations baseline and
    /// contrib_MODALITY; multilabel: id, labels (the predicted set), p_LABEL per label.</summary>
    public string ToCsv() => Task == TaskKind.Multilabel
        ? PredictionsCsv.WriteMultiLabel(Classes, Ids, Outputs, Enumerable.Range(0, Count).Select(i => string.Join(LabelSeparator, LabelSet(i))).ToList())
        : PredictionsCsv.Write(Task, Classes, Ids, Outputs, Explanations, Conformal is null ? null : Enumerable.Range(0, Count).Select(ConformalCells).ToList());

    /// <summary>The conformal cells of a row: its set joined by '|', or its interval's bounds.</summary>
    private string[] ConformalCells(int index) => Task == TaskKind.Regression
        ? [Number(Interval(index)!.Value.Lower), Number(Interval(index)!.Value.Upper)]
        : [string.Join('|', Set(index)!)];

    private static string Number(double value) => ((float)value).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="ToCsv"/> atomically.</summary>
    public void WriteCsv(string path) => AtomicFile.WriteAllText(path, ToCsv());
}
