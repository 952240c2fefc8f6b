namespace MMFuse.Data.Leakage;

/// <summary>The names of <see cref="DataWarning.Kind"/>, as they appear in JSON.</summary>
public static class DataWarningKinds
{
    /// <summary>The column alone (nearly) determines the label.</summary>
    public const string LabelLeak = "label-leak";

    /// <summary>A feature whose values identify rows (unique per row, or row numbers).</summary>
    public const string IdLike = "id-like";

    /// <summary>A feature that is missing exactly when the label takes one value.</summary>
    public const string MissingPattern = "missing-pattern";

    /// <summary>The same image, audio or text in the training and test parts of a fold.</summary>
    public const string DuplicateRows = "duplicate-rows";
}
