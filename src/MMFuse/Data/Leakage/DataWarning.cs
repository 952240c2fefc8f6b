namespace MMFuse.Data.Leakage;

/// <summary>A finding about the data that makes scores look better than they will be in use (a column that gives the
/// label away, an id used as a feature, rows repeated across folds). <see cref="Kind"/> is one of
/// <see cref="DataWarningKinds"/>; <see cref="Column"/> names the column (or the modality) it is about.</summary>
public sealed record DataWarning(string Column, string Kind, string Detail)
{
    /// <summary>The warning as one line: column, kind and detail.</summary>
    public override string ToString() => $"column '{Column}' ({Kind}): {Detail}";
}
