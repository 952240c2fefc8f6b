using System.Globalization;
using System.Text;
using MMFuse.Data;
using MMFuse.Fusion.Explanation;


using MMFuse.IO;

namespace MMFuse;

/// <summary>
/// predict's output: <c>id, prediction</c>, then <c>p_CLASS</c> per class (classification), and under
/// <c>--explain</c> <c>baseline</c> (the prediction with every modality absent, for the predicted class) and one
/// <c>contrib_MODALITY</c> per modality, which sum to the predicted class's probability (or the value) minus the
/// baseline. Text cells are neutralised against spreadsheet formulas; numbers are written round-trip.
/// </summary>
internal static class PredictionsCsv
{
    public static string Write(TaskKind task, IReadOnlyList<string> classes, IReadOnlyList<string> ids, float[][] predictions,
        IReadOnlyList<ModalityExplanation>? explanations = null, IReadOnlyList<string[]>? conformal = null)
    {
        var text = new StringBuilder("id,prediction");
        if (task != TaskKind.Regression)
            foreach (var name in classes)
                text.Append(',').Append(CsvField.Text("p_" + name));
        if (explanations is { Count: > 0 })
        {
            text.Append(",baseline");
            foreach (var (modality, _) in explanations[0].Contributions)
                text.Append(',').Append(CsvField.Text("contrib_" + modality));
        }
        if (conformal is not null)
            text.Append(task == TaskKind.Regression ? ",lower,upper" : ",set");
        text.Append('\n');
        for (var r = 0; r < ids.Count; r++)
        {
            text.Append(CsvField.Text(ids[r])).Append(',');
            if (task == TaskKind.Regression)
                text.Append(Number(predictions[r][0]));
            else
            {
                var best = Array.IndexOf(predictions[r], predictions[r].Max());
                text.Append(CsvField.Text(classes[best]));
                foreach (var p in predictions[r])
                    text.Append(',').Append(Number(p));
            }
            if (explanations is not null)
            {
                text.Append(',').Append(Number((float)explanations[r].Baseline));
                foreach (var (_, value) in explanations[r].Contributions)
                    text.Append(',').Append(Number((float)value));
            }
            if (conformal is not null)
                foreach (var cell in conformal[r])
                    text.Append(',').Append(task == TaskKind.Regression ? cell : CsvField.Text(cell));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Multilabel: <c>id, labels</c> (the predicted set, joined) and <c>p_LABEL</c> per label.</summary>
    public static string WriteMultiLabel(IReadOnlyList<string> labels, IReadOnlyList<string> ids, float[][] outputs, IReadOnlyList<string> sets)
    {
        var text = new StringBuilder("id,labels");
        foreach (var name in labels)
            text.Append(',').Append(CsvField.Text("p_" + name));
        text.Append('\n');
        for (var r = 0; r < ids.Count; r++)
        {
            text.Append(CsvField.Text(ids[r])).Append(',').Append(CsvField.Text(sets[r]));
            for (var l = 0; l < labels.Count; l++)
                text.Append(',').Append(Number(outputs[r][l]));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
