using MMFuse.Data;

namespace MMFuse.Serve.Input;

/// <summary>A value the server cannot even hand to the model (wrong JSON type, bad base64), worded and located as the library words its own refusals.</summary>
internal static class RowProblem
{
    public static MMFuseInputException At(int row, string column, string reason) =>
        new($"row index {row}, column '{column}': {reason}") { RowIndex = row, Column = column };

    public static MMFuseInputException At(int row, string reason) => new($"row index {row}: {reason}") { RowIndex = row };

    public static MMFuseInputException Unknown(int row, string column, IEnumerable<string> columns) =>
        At(row, column, $"the model has no such column; it uses {string.Join(", ", columns)}");

    /// <summary>A row may lack modalities, but one that gives none of the model's columns is a mistake, not a prediction.</summary>
    public static MultimodalRow NotEmpty(int row, MultimodalRow values) => values.Values.Values.Any(v => v is not null) ? values
        : throw At(row, "the row gives none of the model's columns");
}
